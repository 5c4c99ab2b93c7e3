package org.kila.gateway.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.kila.gateway.channel.DeliveryReport;
import org.kila.gateway.channel.DeliveryReportAdapter;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.SmsAdapter;
import org.kila.gateway.channel.SmsInbound;
import org.kila.gateway.channel.WebhookResponse;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.session.SmsConversations;
import org.kila.gateway.sms.SmsChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the SMS webhooks: each route hands the raw request and the path and query it arrived on (which
 * providers sign, or carry a secret in) to its provider's adapter, then passes the neutral text to the
 * conversations or the report to the outbox. The provider is acknowledged only once the text is stored;
 * when it cannot be, it gets a 503 and delivers again.
 */
public final class SmsRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SmsRoutes.class);
  private static final WebhookResponse TRY_AGAIN = new WebhookResponse(503, WebhookResponse.TEXT_PLAIN, "try again later");

  private final SmsConversations conversations;
  private final SmsChannel channel;
  private final Blocking blocking;
  private final KilaMetrics metrics;
  private final Duration timeout;

  public SmsRoutes(SmsConversations conversations, SmsChannel channel, Blocking blocking, KilaMetrics metrics, Duration timeout) {
    this.conversations = conversations;
    this.channel = channel;
    this.blocking = blocking;
    this.metrics = metrics;
    this.timeout = timeout;
  }

  public void mount(Router router) {
    for (SmsChannel.Webhooks hooks : channel.webhooks()) {
      router.post(hooks.reportPath())
          .handler(BodyHandler.create(false).setBodyLimit(SmsChannel.MIN_BODY_BYTES))
          .handler(ctx -> report(ctx, hooks.reportPath(), hooks.reports()));
      router.post(hooks.inboundPath())
          .handler(BodyHandler.create(false).setBodyLimit(SmsChannel.MIN_BODY_BYTES))
          .handler(ctx -> inbound(ctx, hooks.inboundPath(), hooks.inbound()));
    }
  }

  /** {@code route}: the route's pattern, which names the endpoint in logs and metrics without its secret. */
  private void inbound(RoutingContext ctx, String route, SmsAdapter adapter) {
    Parsed<SmsInbound> parsed = adapter.parse(UssdRoutes.request(ctx), ctx.request().uri());
    if (parsed instanceof Parsed.Rejected<SmsInbound> rejected) {
      refuse(ctx, route, rejected, adapter.rejection(rejected));
      return;
    }
    SmsInbound text = ((Parsed.Accepted<SmsInbound>) parsed).value();
    conversations.receive(text).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(outcome -> UssdRoutes.send(ctx, adapter.acknowledge(text)))
        .onFailure(err -> {
          LOG.warn("text on {} not stored, provider asked to deliver again: {}", route, err.toString());
          UssdRoutes.send(ctx, TRY_AGAIN);
        });
  }

  private void report(RoutingContext ctx, String route, DeliveryReportAdapter adapter) {
    Parsed<DeliveryReport> parsed = adapter.parse(UssdRoutes.request(ctx), ctx.request().uri());
    if (parsed instanceof Parsed.Rejected<DeliveryReport> rejected) {
      refuse(ctx, route, rejected, adapter.rejection(rejected));
      return;
    }
    DeliveryReport report = ((Parsed.Accepted<DeliveryReport>) parsed).value();
    blocking.run(() -> channel.deliveryReports().apply(report)).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(moved -> UssdRoutes.send(ctx, adapter.acknowledge(report)))
        .onFailure(err -> UssdRoutes.send(ctx, TRY_AGAIN));
  }

  private void refuse(RoutingContext ctx, String route, Parsed.Rejected<?> rejected, WebhookResponse response) {
    metrics.webhookRejected(route, rejected.status());
    LOG.info("refused {} with {}: {}", route, rejected.status(), rejected.reason());
    UssdRoutes.send(ctx, response);
  }
}
