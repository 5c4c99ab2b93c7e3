package org.kila.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kila's own counters and timers, tagged by channel, aggregator and outcome, in the registry that
 * {@code /metrics} exposes in Prometheus format (names come out as {@code kila_..._total},
 * {@code kila_..._seconds}).
 */
public final class KilaMetrics {
  private final PrometheusMeterRegistry registry;

  public KilaMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public KilaMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Meters by their tag values, found once: building a meter and looking it up in the registry on every
   * hop cost a few percent of a hop's CPU (measured by the benchmark's profile).
   */
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /** One USSD hop answered; outcome: ok, retry, unknown_code, bad_phone, unavailable, overloaded. */
  public void hop(String aggregator, String outcome, Duration took) {
    counters.computeIfAbsent("hops|" + aggregator + "|" + outcome, k -> Counter.builder("kila.ussd.hops")
        .description("USSD hops handled").tag("aggregator", aggregator).tag("outcome", outcome).register(registry))
        .increment();
    timers.computeIfAbsent(aggregator, k -> Timer.builder("kila.ussd.hop").description("Time to answer one USSD hop")
        .tag("aggregator", aggregator).publishPercentileHistogram().register(registry))
        .record(took);
  }

  /** A hop found its session moved on by another hop between reading and storing it, and read it again. */
  public void hopConflict() {
    counters.computeIfAbsent("conflicts", k -> Counter.builder("kila.ussd.hop.conflicts")
        .description("USSD hops read again because another hop of their session was stored first").register(registry))
        .increment();
  }

  public void answersRecorded(String channel, int count) {
    if (count > 0) {
      counters.computeIfAbsent("answers|" + channel, k -> Counter.builder("kila.answers.recorded")
          .description("Answers stored").tag("channel", channel).register(registry)).increment(count);
    }
  }

  /** A session event: started, resumed, completed, screened_out, declined, gave_up, interrupted, dropped. */
  public void session(String channel, String aggregator, String event) {
    counters.computeIfAbsent("sessions|" + channel + "|" + aggregator + "|" + event, k -> Counter.builder("kila.sessions")
        .description("Survey session events").tag("channel", channel).tag("aggregator", aggregator).tag("event", event)
        .register(registry)).increment();
  }

  public void invalidAnswer(String channel) {
    counters.computeIfAbsent("invalid|" + channel, k -> Counter.builder("kila.answers.invalid")
        .description("Invalid answers re-asked").tag("channel", channel).register(registry)).increment();
  }

  public void webhookRejected(String endpoint, int status) {
    Counter.builder("kila.webhooks.rejected").description("Webhook requests refused with a 4xx")
        .tag("endpoint", endpoint).tag("status", Integer.toString(status))
        .register(registry).increment();
  }

  public MeterRegistry meterRegistry() {
    return registry;
  }
}
