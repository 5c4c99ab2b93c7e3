package org.kila.gateway.sms;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.config.PhoneKeys;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.sms.twilio.TwilioSmsProvider;
import org.kila.gateway.store.MessageKind;
import org.kila.gateway.store.RespondentDao;

/**
 * What outbox tests run on: a database, the fake Twilio server, a provider pointed at it, and outbox
 * senders deployed on a Vert.x of their own, each of which can be stopped abruptly like a killed
 * process and replaced by a new one.
 */
public final class OutboxRig implements AutoCloseable {
  public static final String FROM = "+254700000100";

  public final Jdbi jdbi;
  public final FakeTwilioServer twilio = new FakeTwilioServer();
  public final PhoneVault vault = new PhoneVault("KE", keys());
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final SmsMetrics metrics = new SmsMetrics(registry);
  public final Outbox outbox = new Outbox(Clock.systemUTC(), metrics);
  private Vertx vertx;

  public OutboxRig(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private static PhoneKeys keys() {
    byte[] hash = new byte[32];
    byte[] encryption = new byte[32];
    Arrays.fill(hash, (byte) 7);
    Arrays.fill(encryption, (byte) 9);
    return new PhoneKeys(hash, encryption);
  }

  public TwilioSmsProvider twilioProvider() {
    return new TwilioSmsProvider(FakeTwilioServer.ACCOUNT_SID, FakeTwilioServer.AUTH_TOKEN, FROM, twilio.baseUrl(),
        null, Duration.ofSeconds(2), Clock.systemUTC());
  }

  /** The respondent with this number, created with its encrypted number as the gateway does. */
  public UUID respondent(String e164) {
    return jdbi.onDemand(RespondentDao.class).upsert(vault.hash(e164), vault.encrypt(e164));
  }

  /** Queues a prompt to {@code respondent} now, in its own transaction. */
  public long enqueue(UUID respondent, String cause, String body) {
    return jdbi.inTransaction(h -> outbox.enqueue(h, new OutboxDraft(MessageKind.PROMPT, cause, TwilioSmsProvider.NAME,
        respondent, body, null, null, null))).orElseThrow();
  }

  /** Starts a sender (on a fresh Vert.x, as a new process would) sending through {@code provider}. */
  public void startSender(SmsProvider provider, OutboxSettings settings) {
    vertx = Vertx.vertx();
    OutboxSender sender = new OutboxSender(jdbi, new Blocking(vertx, 4), List.of(provider), vault, settings, metrics,
        Clock.systemUTC(), new Random(42));
    await(vertx.deployVerticle(sender).toCompletionStage().toCompletableFuture());
  }

  /** Stops the sender at once, the way a killed process stops: nothing it had in hand is finished. */
  public void killSender() {
    if (vertx != null) {
      await(vertx.close().toCompletionStage().toCompletableFuture());
      vertx = null;
    }
  }

  /** Settings for tests: the given rate and attempts, short backoff and lease so that nothing waits minutes. */
  public static OutboxSettings settings(double rate, int maxAttempts, Duration lease) {
    OutboxSettings production = OutboxSettings.of(rate, maxAttempts);
    return new OutboxSettings(rate, maxAttempts, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), lease,
        production.tick(), production.sendThreads());
  }

  public Map<String, Object> row(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sms_outbox WHERE id = :id").bind("id", id).mapToMap().one());
  }

  public String status(long id) {
    return (String) row(id).get("status");
  }

  public double counter(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Waits until {@code condition} holds, failing after {@code timeout}. */
  public static void awaitUntil(Duration timeout, String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    killSender();
    twilio.close();
  }
}
