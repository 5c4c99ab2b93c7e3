package org.kila.gateway.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.channel.DeliveryReportAdapter;
import org.kila.gateway.channel.SmsAdapter;
import org.kila.gateway.channel.africastalking.AfricasTalkingDeliveryReports;
import org.kila.gateway.channel.africastalking.AfricasTalkingSms;
import org.kila.gateway.channel.twilio.TwilioSms;
import org.kila.gateway.channel.twilio.TwilioStatus;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.config.SmsConfig;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.sms.africastalking.AfricasTalkingSmsProvider;
import org.kila.gateway.sms.twilio.TwilioSmsProvider;
import org.kila.gateway.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel of a running gateway, assembled from the configuration: for each configured provider
 * its webhook adapters and its sending port, plus the outbox and the sender that drains it. Absent when
 * no provider is configured.
 */
public final class SmsChannel {
  private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);
  /** The longest one provider call may take; well under the outbox lease, so a live sender never loses its row. */
  static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(15);
  /**
   * The body limit of SMS webhooks, whatever smaller general limit is configured: one 1,600-character
   * text in a non-Latin script is up to 9 bytes a character once percent-encoded.
   */
  public static final int MIN_BODY_BYTES = 32 * 1024;
  /** How often reminders and nudges are looked for. */
  static final Duration FOLLOW_UPS_EVERY = Duration.ofMinutes(1);

  /** One provider's inbound and delivery-report adapters, and the route paths they answer on. */
  public record Webhooks(String inboundPath, SmsAdapter inbound, String reportPath, DeliveryReportAdapter reports) {}

  private final List<SmsProvider> providers;
  private final List<Webhooks> webhooks;
  private final Outbox outbox;
  private final DeliveryReports reports;
  private final SmsMetrics metrics;
  private final SmsConfig config;

  private SmsChannel(List<SmsProvider> providers, List<Webhooks> webhooks, Outbox outbox, DeliveryReports reports,
      SmsMetrics metrics, SmsConfig config) {
    this.providers = List.copyOf(providers);
    this.webhooks = List.copyOf(webhooks);
    this.outbox = outbox;
    this.reports = reports;
    this.metrics = metrics;
    this.config = config;
  }

  /** The channel, or empty (SMS off) when no provider is configured. */
  public static Optional<SmsChannel> of(KilaConfig config, Jdbi jdbi, SmsMetrics metrics, Clock clock) {
    SmsConfig sms = config.sms();
    if (!sms.enabled()) {
      LOG.info("SMS is off: no Twilio or Africa's Talking account is configured");
      return Optional.empty();
    }
    int maxBody = Math.max(config.maxBodyBytes(), MIN_BODY_BYTES);
    String publicUrl = config.http().publicUrl();
    List<SmsProvider> providers = new ArrayList<>();
    List<Webhooks> webhooks = new ArrayList<>();
    sms.twilio().ifPresent(t -> {
      providers.add(new TwilioSmsProvider(t.accountSid(), t.authToken(), t.from(), t.baseUrl(), publicUrl, PROVIDER_TIMEOUT, clock));
      webhooks.add(new Webhooks("/sms/twilio", new TwilioSms(t.accountSid(), t.authToken(), publicUrl, maxBody),
          "/sms/twilio/status", new TwilioStatus(t.accountSid(), t.authToken(), publicUrl, maxBody, clock)));
    });
    sms.africasTalking().ifPresent(a -> {
      providers.add(new AfricasTalkingSmsProvider(a.baseUrl(), a.username(), a.apiKey(), a.from().orElse(null),
          PROVIDER_TIMEOUT, clock));
      webhooks.add(new Webhooks("/sms/africastalking/:secret", new AfricasTalkingSms(a.smsSecret(), maxBody),
          "/sms/africastalking/:secret/delivery", new AfricasTalkingDeliveryReports(a.smsSecret(), maxBody, clock)));
    });
    LOG.info("SMS is on through {}", providers.stream().map(SmsProvider::name).toList());
    return Optional.of(new SmsChannel(providers, webhooks, new Outbox(clock, metrics), new DeliveryReports(jdbi, metrics, clock),
        metrics, sms));
  }

  /** Starts sending the outbox, and the reminders and nudges, on {@code vertx}. */
  public Future<?> start(Vertx vertx, Jdbi jdbi, Blocking blocking, PhoneVault vault, SurveyCatalog catalog,
      Duration resumeWindow, Clock clock) {
    OutboxSettings settings = OutboxSettings.of(config.ratePerSecond(), config.maxAttempts());
    FollowUps followUps = new FollowUps(jdbi, catalog, outbox, followUpDefaults(), config.defaultProvider().orElseThrow(),
        providers.stream().map(SmsProvider::name).collect(Collectors.toSet()), resumeWindow, clock);
    return vertx.deployVerticle(new OutboxSender(jdbi, blocking, providers, vault, settings, metrics, clock, new Random()))
        .compose(id -> vertx.deployVerticle(new FollowUpTimer(followUps, blocking, FOLLOW_UPS_EVERY)));
  }

  /** The gateway's quiet hours, reminders, nudges and finishing by SMS: each survey's defaults. */
  public FollowUpDefaults followUpDefaults() {
    return FollowUpDefaults.from(config);
  }

  public List<Webhooks> webhooks() {
    return webhooks;
  }

  public Outbox outbox() {
    return outbox;
  }

  public DeliveryReports deliveryReports() {
    return reports;
  }

  public SmsMetrics metrics() {
    return metrics;
  }
}
