package org.kila.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

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

  /** One USSD hop answered; outcome: ok, retry, unknown_code, bad_phone, unavailable, overloaded. */
  public void hop(String aggregator, String outcome, Duration took) {
    Counter.builder("kila.ussd.hops").description("USSD hops handled")
        .tag("aggregator", aggregator).tag("outcome", outcome).register(registry).increment();
    Timer.builder("kila.ussd.hop").description("Time to answer one USSD hop")
        .tag("aggregator", aggregator).publishPercentileHistogram()
        .register(registry).record(took);
  }

  public void answersRecorded(String channel, int count) {
    if (count > 0) {
      Counter.builder("kila.answers.recorded").description("Answers stored")
          .tag("channel", channel).register(registry).increment(count);
    }
  }

  /** A session event: started, resumed, completed, screened_out, declined, gave_up, interrupted, dropped. */
  public void session(String channel, String aggregator, String event) {
    Counter.builder("kila.sessions").description("Survey session events")
        .tag("channel", channel).tag("aggregator", aggregator).tag("event", event)
        .register(registry).increment();
  }

  public void invalidAnswer(String channel) {
    Counter.builder("kila.answers.invalid").description("Invalid answers re-asked")
        .tag("channel", channel).register(registry).increment();
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
