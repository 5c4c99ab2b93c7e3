package org.kila.gateway.http;

import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.UssdAdapter;
import org.kila.gateway.channel.UssdEndAdapter;
import org.kila.gateway.channel.UssdHop;
import org.kila.gateway.channel.UssdReply;
import org.kila.gateway.channel.UssdSessionEnd;
import org.kila.gateway.channel.WebhookRequest;
import org.kila.gateway.channel.WebhookResponse;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.session.HopOutcome;
import org.kila.gateway.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the USSD webhooks: each route hands the raw request to its aggregator's adapter, passes the
 * neutral hop to the session service, and lets the adapter format the reply. A hop that takes longer than
 * the hop timeout, or fails because the database is away, gets a polite END rather than a hung request;
 * so does a hop that arrives when too many are already inside (counted as {@code overloaded}), and, at
 * once, one that arrives while the database is known to be away (counted as {@code unavailable}).
 */
public final class UssdRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(UssdRoutes.class);

  private final SessionService sessions;
  private final KilaMetrics metrics;
  private final long maxBodyBytes;
  private final Duration hopTimeout;
  private final Admission admission;

  /** {@code maxHopsInFlight}: hops let in at once (see {@link Admission}); the rest are turned away at once. */
  public UssdRoutes(SessionService sessions, KilaMetrics metrics, long maxBodyBytes, Duration hopTimeout,
      int maxHopsInFlight) {
    this.sessions = sessions;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.hopTimeout = hopTimeout;
    this.admission = new Admission(maxHopsInFlight);
    Gauge.builder("kila.ussd.hops.in.flight", admission, Admission::inside)
        .description("USSD hops being answered or waiting for a database connection").register(metrics.registry());
  }

  public void mountHops(Router router, String path, UssdAdapter adapter) {
    router.post(path)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(ctx -> handleHop(ctx, path, adapter));
  }

  public void mountEnds(Router router, String path, UssdEndAdapter adapter) {
    router.post(path)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(ctx -> handleEnd(ctx, path, adapter));
  }

  private void handleHop(RoutingContext ctx, String path, UssdAdapter adapter) {
    long started = System.nanoTime();
    Parsed<UssdHop> parsed = adapter.parse(request(ctx));
    if (parsed instanceof Parsed.Rejected<UssdHop> rejected) {
      metrics.webhookRejected(path, rejected.status());
      LOG.info("rejected {} with {}: {}", path, rejected.status(), rejected.reason());
      send(ctx, adapter.rejection(rejected));
      return;
    }
    UssdHop hop = ((Parsed.Accepted<UssdHop>) parsed).value();
    if (sessions.databaseAway()) {
      metrics.hop(adapter.aggregator(), "unavailable", Duration.ofNanos(System.nanoTime() - started));
      send(ctx, adapter.reply(hop, new UssdReply(sessions.unavailableMessage(hop), true)));
      return;
    }
    if (!admission.tryEnter()) {
      metrics.hop(adapter.aggregator(), "overloaded", Duration.ofNanos(System.nanoTime() - started));
      send(ctx, adapter.reply(hop, new UssdReply(sessions.unavailableMessage(hop), true)));
      return;
    }
    Future<HopOutcome> work = sessions.hop(hop, hopTimeout);
    // The hop holds its place until its work is done or dropped, not merely until its reply is sent.
    work.onComplete(done -> admission.leave());
    withTimeout(work)
        .onSuccess(outcome -> {
          metrics.hop(adapter.aggregator(), outcome.outcome(), Duration.ofNanos(System.nanoTime() - started));
          send(ctx, adapter.reply(hop, outcome.reply()));
        })
        .onFailure(err -> {
          metrics.hop(adapter.aggregator(), "unavailable", Duration.ofNanos(System.nanoTime() - started));
          LOG.warn("hop on {} failed, answered with a retry message: {}", path, err.toString());
          send(ctx, adapter.reply(hop, new UssdReply(sessions.unavailableMessage(hop), true)));
        });
  }

  private void handleEnd(RoutingContext ctx, String path, UssdEndAdapter adapter) {
    Parsed<UssdSessionEnd> parsed = adapter.parse(request(ctx));
    if (parsed instanceof Parsed.Rejected<UssdSessionEnd> rejected) {
      metrics.webhookRejected(path, rejected.status());
      send(ctx, adapter.rejection(rejected));
      return;
    }
    UssdSessionEnd end = ((Parsed.Accepted<UssdSessionEnd>) parsed).value();
    withTimeout(sessions.sessionEnded(end))
        .onSuccess(v -> send(ctx, adapter.acknowledge(end)))
        // The aggregator retries a notification that is not acknowledged: a 503 keeps it.
        .onFailure(err -> send(ctx, new WebhookResponse(503, "text/plain; charset=utf-8", "try again later")));
  }

  private <T> Future<T> withTimeout(Future<T> work) {
    return work.timeout(hopTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  static WebhookRequest request(RoutingContext ctx) {
    Map<String, String> headers = new HashMap<>();
    ctx.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
    Buffer body = ctx.body().buffer();
    String remote = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    return new WebhookRequest(
        ctx.request().getHeader("Content-Type"), headers, body == null ? new byte[0] : body.getBytes(), remote);
  }

  static void send(RoutingContext ctx, WebhookResponse response) {
    ctx.response().setStatusCode(response.status());
    if (response.contentType() != null) {
      ctx.response().putHeader("Content-Type", response.contentType());
    }
    ctx.response().end(response.body() == null ? "" : response.body());
  }
}
