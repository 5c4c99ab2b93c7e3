package org.kila.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

/**
 * Plays Africa's Talking against the gateway: posts a USSD hop as the form it sends (sessionId,
 * serviceCode, phoneNumber, networkCode, text) and gives back the status and body. It gives up after the
 * aggregator's own timeout, as the real one does. See https://developers.africastalking.com/docs/ussd/overview
 */
public final class UssdClient implements AutoCloseable {
  /** Where the gateway listens for Africa's Talking hops. */
  public static final String HOP_PATH = "/ussd/africastalking";

  private final HttpClientAgent http;
  private final String host;
  private final int port;
  private final long timeoutMillis;

  /** A status and body as received. */
  public record Reply(int status, String body) {}

  /**
   * @param connections most connections open at once; an aggregator opens as many as it has hops in flight
   */
  public UssdClient(Vertx vertx, String host, int port, int connections, long timeoutMillis) {
    this.http = vertx.httpClientBuilder()
        .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(2_000))
        .with(new PoolOptions().setHttp1MaxSize(connections))
        .build();
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** One hop of one respondent. */
  public Future<Reply> hop(String serviceCode, String sessionId, String phone, String text) {
    String form = "sessionId=" + enc(sessionId) + "&serviceCode=" + enc(serviceCode) + "&phoneNumber="
        + enc(phone) + "&networkCode=63902&text=" + enc(text);
    return post(HOP_PATH, "application/x-www-form-urlencoded", Buffer.buffer(form));
  }

  /** Any request, for the flood: the body is sent as given. */
  public Future<Reply> send(HttpMethod method, String path, String contentType, Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
        .setTimeout(timeoutMillis);
    return http.request(options).compose(req -> {
      if (contentType != null) {
        req.putHeader("Content-Type", contentType);
      }
      return (body == null ? req.send() : req.send(body))
          .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b.toString(StandardCharsets.UTF_8))));
    });
  }

  public Future<Reply> post(String path, String contentType, Buffer body) {
    return send(HttpMethod.POST, path, contentType, body);
  }

  /** A short name for why a request got no reply, for the error table. */
  public static String errorKind(Throwable t) {
    if (t instanceof ConnectException || (t.getCause() instanceof ConnectException)) {
      return "connect_refused";
    }
    if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
      return "timeout";
    }
    if (t.getClass().getSimpleName().equals("HttpClosedException")) {
      return "connection_closed";
    }
    return t.getClass().getSimpleName();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    http.close();
  }
}
