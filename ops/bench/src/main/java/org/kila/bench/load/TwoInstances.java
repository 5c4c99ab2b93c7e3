package org.kila.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Two gateway instances behind a proxy without sticky sessions, as {@code ops/nginx/kila.conf} sets one
 * up, so that sessions visibly move between instances: respondents with an even number send each hop to
 * the other instance than the hop before; those with an odd number keep one instance for a whole dial
 * and dial again (after hanging up, or after a failed hop) on the other. As with nginx's
 * {@code proxy_next_upstream error}, a hop that cannot connect to its instance (it is down) goes to the
 * other one; a hop that was sent and got no answer is not sent again. End-of-session notices that get no
 * answer or a 5xx are sent again a little later, as Africa's Talking retries a notification that was not
 * acknowledged. Used on the crowd's context only.
 */
public final class TwoInstances implements Route {
  /** Where Africa's Talking posts its end-of-session notices. */
  static final String EVENTS_PATH = UssdClient.HOP_PATH + "/events";
  public static final int NOTICE_ATTEMPTS = 5;
  static final long NOTICE_RETRY_MILLIS = 2_000;

  private final Vertx vertx;
  private final long retryMillis;
  private final List<UssdClient> instances;
  private final long[] served = new long[2];
  private long failedOver;
  private long notices;
  private long noticesRefused;
  private long noticeRetries;
  private String lastRefusal = "";

  /** {@code a} and {@code b}: clients of the two instances. */
  public TwoInstances(Vertx vertx, UssdClient a, UssdClient b) {
    this(vertx, a, b, NOTICE_RETRY_MILLIS);
  }

  TwoInstances(Vertx vertx, UssdClient a, UssdClient b, long retryMillis) {
    this.vertx = vertx;
    this.retryMillis = retryMillis;
    this.instances = List.of(a, b);
  }

  /**
   * The instance (0 or 1) a respondent's next hop goes to first.
   *
   * @param hopsSoFar the respondent's hops that got a reply or failed, over all its dials
   * @param dials the respondent's aggregator sessions so far, the current one included
   */
  static int choose(long number, int hopsSoFar, int dials) {
    long turn = number % 2 == 0 ? number / 2 + hopsSoFar : number / 2 + dials - 1;
    return (int) (turn % 2);
  }

  @Override
  public Future<UssdClient.Reply> hop(Respondent r, String serviceCode, String sessionId, String text) {
    int first = choose(r.number(), r.hops(), r.dials());
    return send(first, c -> c.hop(serviceCode, sessionId, r.phone(), text));
  }

  /**
   * Sent to the instance that did not serve the session's last hop: whichever instance gets it must
   * find the session in the database.
   */
  @Override
  public Future<UssdClient.Reply> sessionEnded(Respondent r, String serviceCode, String lastScreen) {
    int other = 1 - choose(r.number(), r.hops() - 1, r.dials());
    String form = "sessionId=" + enc(r.externalId()) + "&serviceCode=" + enc(serviceCode) + "&networkCode=63902"
        + "&phoneNumber=" + enc(r.phone()) + "&status=Incomplete&cost=KES+0.0000&hopsCount=" + r.hopsThisDial()
        + "&input=" + enc(r.text()) + "&lastAppResponse=" + enc(lastScreen) + "&errorMessage=";
    notices++;
    Promise<UssdClient.Reply> done = Promise.promise();
    deliverNotice(other, form, 1, done);
    return done.future().andThen(ar -> {
      if (ar.failed() || ar.result().status() != 200) {
        noticesRefused++;
        lastRefusal = ar.failed() ? UssdClient.errorKind(ar.cause())
            : ar.result().status() + " " + ar.result().body().strip();
      }
    });
  }

  private void deliverNotice(int instance, String form, int attempt, Promise<UssdClient.Reply> done) {
    send(instance, c -> c.post(EVENTS_PATH, "application/x-www-form-urlencoded", Buffer.buffer(form))).onComplete(ar -> {
      boolean answered = ar.succeeded() && ar.result().status() < 500;
      if (answered || attempt >= NOTICE_ATTEMPTS) {
        done.handle(ar);
        return;
      }
      noticeRetries++;
      vertx.setTimer(retryMillis, t -> deliverNotice(instance, form, attempt + 1, done));
    });
  }

  private Future<UssdClient.Reply> send(int first, Function<UssdClient, Future<UssdClient.Reply>> request) {
    return request.apply(instances.get(first)).transform(ar -> {
      if (ar.succeeded()) {
        served[first]++;
        return Future.succeededFuture(ar.result());
      }
      if (!UssdClient.errorKind(ar.cause()).equals("connect_refused")) {
        return Future.failedFuture(ar.cause());
      }
      failedOver++;
      int other = 1 - first;
      return request.apply(instances.get(other)).andThen(again -> {
        if (again.succeeded()) {
          served[other]++;
        }
      });
    });
  }

  /**
   * What the proxy saw, read on the crowd's context.
   *
   * @param servedA requests instance A answered (hops and notices), {@code servedB} the same for B
   * @param failedOver requests that could not connect to their instance and went to the other one
   * @param notices end-of-session notices sent; {@code noticeRetries} of them sent again after a 5xx or no
   *     answer; {@code noticesNotTaken} still refused after every attempt, the last for {@code lastRefusal}
   */
  public record Figures(long servedA, long servedB, long failedOver, long notices, long noticeRetries,
      long noticesNotTaken, String lastRefusal) {}

  public Figures figures() {
    return new Figures(served[0], served[1], failedOver, notices, noticeRetries, noticesRefused, lastRefusal);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
