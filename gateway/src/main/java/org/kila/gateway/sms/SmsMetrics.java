package org.kila.gateway.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.kila.gateway.store.MessageKind;
import org.kila.gateway.store.OutboxStatus;

/**
 * The SMS channel's numbers, as Prometheus sees them: {@code kila_sms_inbound_total{provider}},
 * {@code kila_sms_texts_total{provider, outcome}} (what each text turned out to be, as
 * {@code SmsConversations.receive} names it: answered, started, paused, closed, help, ...),
 * {@code kila_sms_outbound_total{status}}, {@code kila_sms_retries_total},
 * {@code kila_sms_opt_outs_total{source}}, {@code kila_sms_segments_total} (what providers charge for),
 * {@code kila_sms_queued_total{kind}}, and the gauges {@code kila_sms_outbox_depth} and
 * {@code kila_sms_outbox_oldest_due_seconds}. The gauges read values the outbox sender refreshes from
 * the database now and then, because a scrape must never wait for a query.
 */
public final class SmsMetrics {
  private final MeterRegistry registry;
  private final Counter retries;
  private final Counter segments;
  private final AtomicLong depth = new AtomicLong();
  private final AtomicLong oldestDueMillis = new AtomicLong();

  public SmsMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.retries = Counter.builder("kila.sms.retries").description("Sends tried again after a transient failure").register(registry);
    this.segments = Counter.builder("kila.sms.segments").description("Segments of texts providers took").register(registry);
    Gauge.builder("kila.sms.outbox.depth", depth, AtomicLong::get)
        .description("Texts queued or being sent").register(registry);
    Gauge.builder("kila.sms.outbox.oldest.due", oldestDueMillis, v -> v.get() / 1000.0)
        .baseUnit("seconds").description("How long the oldest due text has waited").register(registry);
  }

  public void inbound(String provider) {
    registry.counter("kila.sms.inbound", "provider", provider).increment();
  }

  /** A text handled and stored: {@code outcome} says what it was (answered, paused, duplicate ...). */
  public void handled(String provider, String outcome) {
    registry.counter("kila.sms.texts", "provider", provider, "outcome", outcome).increment();
  }

  public void queued(MessageKind kind) {
    registry.counter("kila.sms.queued", "kind", kind.name().toLowerCase(Locale.ROOT)).increment();
  }

  /** A text reached {@code status}: sent when the provider took it, or a later delivery report. */
  public void outbound(OutboxStatus status) {
    registry.counter("kila.sms.outbound", "status", status.name().toLowerCase(Locale.ROOT)).increment();
  }

  public void sentSegments(int count) {
    segments.increment(count);
  }

  public void retried() {
    retries.increment();
  }

  public void optedOut(String source) {
    registry.counter("kila.sms.opt.outs", "source", source).increment();
  }

  void outboxNow(long queuedOrSending, double oldestDueSeconds) {
    depth.set(queuedOrSending);
    oldestDueMillis.set(Math.round(oldestDueSeconds * 1000));
  }
}
