package org.kila.gateway.sms;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.store.ClaimedMessage;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.OutboxDao;
import org.kila.gateway.store.OutboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: on a timer, claims due texts of each provider (as many as its sender's token bucket
 * allows), hands each to the provider on a worker thread, and records what became of it: sent, back in
 * the queue after a backoff (or the provider's Retry-After, which also pauses the whole sender), or given
 * up with the reason. Safe on every gateway instance at once: claims skip rows another instance holds.
 *
 * <h2>A crash between sending and recording</h2>
 * A claimed row is {@code sending}, leased to its sender for {@link OutboxSettings#lease()} (well above
 * the provider timeout), before the provider is called, and the lease is recorded in its own short
 * transaction first. If the sender dies (or anything throws) after the provider took the text but
 * before the row is marked, the row stays {@code sending}. It is never sent again blindly. Instead:
 * <ol>
 *   <li>Twilio calls the status callback URL we gave with the text, which carries the row's key, and the
 *       first callback moves the row to {@code sent} with its Twilio id (see {@link DeliveryReports});</li>
 *   <li>once the lease lapses, any sender re-leases the row and asks the provider whether it has the
 *       text ({@link SmsProvider#lookup}): Twilio lists messages to that number from our sender, and a
 *       message with the same body created since the attempt began, whose id no other row holds, is
 *       this one, so the row becomes {@code sent} with that id; if Twilio has none, the attempt never
 *       reached it and the row goes back to the queue, to be sent once;</li>
 *   <li>a provider that cannot be asked (Africa's Talking has no look-up and no idempotency key) gets
 *       the row marked {@code failed} with the reason: for a row whose outcome is unknown we prefer a
 *       text possibly lost, visible to the operator, over one possibly sent twice.</li>
 * </ol>
 * Every mark names the lease it was made under, so a sender that hung past its lease cannot overwrite
 * what the re-leasing sender decided.
 */
public final class OutboxSender extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  /** Lapsed rows looked up per provider and round. */
  private static final int LAPSED_BATCH = 50;
  private static final Duration GAUGE_EVERY = Duration.ofSeconds(2);

  private final Jdbi jdbi;
  private final Blocking blocking;
  private final PhoneVault vault;
  private final OutboxSettings settings;
  private final OptOuts optOuts;
  private final SmsMetrics metrics;
  private final Clock clock;
  private final RandomGenerator random;
  private final Map<String, Lane> lanes = new LinkedHashMap<>();

  private WorkerExecutor sendPool;
  private final List<Long> timers = new ArrayList<>();
  private int inFlight;

  /** One provider and the pacing of its sender. Touched only on this verticle's event loop. */
  private static final class Lane {
    final SmsProvider provider;
    final TokenBucket bucket;
    boolean claiming;
    boolean reconciling;

    Lane(SmsProvider provider, TokenBucket bucket) {
      this.provider = provider;
      this.bucket = bucket;
    }
  }

  public OutboxSender(Jdbi jdbi, Blocking blocking, List<SmsProvider> providers, PhoneVault vault,
      OutboxSettings settings, SmsMetrics metrics, Clock clock, RandomGenerator random) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.vault = vault;
    this.settings = settings;
    this.optOuts = new OptOuts(clock, metrics);
    this.metrics = metrics;
    this.clock = clock;
    this.random = random;
    for (SmsProvider provider : providers) {
      lanes.put(provider.name(), new Lane(provider, new TokenBucket(settings.ratePerSecond(), settings.burst(), System::nanoTime)));
    }
  }

  @Override
  public Future<?> start() {
    sendPool = vertx.createSharedWorkerExecutor("kila-sms", settings.sendThreads());
    timers.add(vertx.setPeriodic(settings.tick().toMillis(), id -> lanes.values().forEach(this::dispatch)));
    long lapsedEvery = Math.max(settings.tick().toMillis(), Math.min(settings.lease().toMillis() / 2, 5_000));
    timers.add(vertx.setPeriodic(lapsedEvery, id -> lanes.values().forEach(this::reconcile)));
    timers.add(vertx.setPeriodic(GAUGE_EVERY.toMillis(), id -> refreshGauges()));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    timers.forEach(vertx::cancelTimer);
    return sendPool.close();
  }

  private OutboxDao dao() {
    return jdbi.onDemand(OutboxDao.class);
  }

  private Instant now() {
    return clock.instant();
  }

  /** Claims as many due rows as the sender's bucket and the free send threads allow, and sends them. */
  private void dispatch(Lane lane) {
    int free = settings.sendThreads() - inFlight;
    if (lane.claiming || free <= 0) {
      return;
    }
    int tokens = lane.bucket.take(free);
    if (tokens == 0) {
      return;
    }
    lane.claiming = true;
    Instant now = now();
    blocking.run(() -> dao().claimDue(lane.provider.name(), now, now.plus(settings.lease()), tokens))
        .onComplete(claimed -> {
          lane.claiming = false;
          if (claimed.failed()) {
            lane.bucket.giveBack(tokens);
            LOG.warn("Could not claim due texts of {}: {}", lane.provider.name(), claimed.cause().toString());
            return;
          }
          lane.bucket.giveBack(tokens - claimed.result().size());
          claimed.result().forEach(row -> send(lane, row));
        });
  }

  private void send(Lane lane, ClaimedMessage row) {
    inFlight++;
    Future<Void> done = row.optedOut()
        ? blocking.run(() -> giveUp(row, OutboxStatus.CANCELLED, "opted out", null))
        : sendPool.<SendResult>executeBlocking(() -> attempt(lane.provider, row), false)
            .compose(result -> blocking.run(() -> record(lane, row, result)));
    done.onComplete(ar -> {
      inFlight--;
      if (ar.failed()) {
        LOG.error("Text {} left 'sending' (checked with {} once its lease lapses)", row.id(), lane.provider.name(), ar.cause());
      }
    });
  }

  /** One provider call; on a worker thread. */
  private SendResult attempt(SmsProvider provider, ClaimedMessage row) {
    String to;
    try {
      to = vault.decrypt(row.toEnc());
    } catch (IllegalArgumentException e) {
      return new SendResult.Permanent("the stored number cannot be decrypted (was the encryption key changed?)", null, false);
    }
    return provider.send(new OutgoingSms(row.idempotencyKey(), to, row.body()));
  }

  /** What became of the attempt, recorded under the lease; on a database worker thread. */
  private Void record(Lane lane, ClaimedMessage row, SendResult result) {
    Instant now = now();
    if (result instanceof SendResult.Sent sent) {
      if (dao().markSent(row.id(), row.leaseUntil(), sent.providerMessageId(), now)) {
        metrics.outbound(OutboxStatus.SENT);
        metrics.sentSegments(row.segments());
      }
    } else if (result instanceof SendResult.Transient failure) {
      if (failure.retryAfter() != null) {
        lane.bucket.pause(failure.retryAfter());
      }
      if (row.attempts() >= settings.maxAttempts()) {
        giveUp(row, OutboxStatus.FAILED, "gave up after " + row.attempts() + " attempts: " + failure.reason(), null);
      } else if (dao().markRetry(row.id(), row.leaseUntil(), now.plus(wait(row.attempts(), failure.retryAfter())), failure.reason(), now)) {
        metrics.retried();
      }
    } else if (result instanceof SendResult.InDoubt doubt) {
      // Not sent again blindly: after the first backoff (time for a request the provider was still working
      // on to show in its list) the lease lapses and the provider is asked whether it has the text.
      Duration lookUpIn = settings.backoff().after(1, random);
      if (dao().markInDoubt(row.id(), row.leaseUntil(), now.plus(lookUpIn), doubt.reason(), now)) {
        LOG.info("Text {}: {} may have taken it ({}); asking it in {} ms instead of sending again", row.id(),
            lane.provider.name(), doubt.reason(), lookUpIn.toMillis());
      }
    } else if (result instanceof SendResult.Permanent refusal) {
      jdbi.useTransaction(handle -> {
        boolean marked = handle.attach(OutboxDao.class)
            .markGivenUp(row.id(), row.leaseUntil(), OutboxStatus.FAILED, refusal.reason(), refusal.code(), now);
        if (marked) {
          metrics.outbound(OutboxStatus.FAILED);
          if (refusal.recipientOptedOut()) {
            handle.attach(OptOutDao.class).phoneHashOf(row.respondentId())
                .ifPresent(phoneHash -> optOuts.optOut(handle, phoneHash, OptOutDao.Source.PROVIDER_REFUSAL));
          }
        }
      });
    }
    return null;
  }

  /** The provider's Retry-After (plus a little jitter) when it gave one, else the backoff. */
  private Duration wait(int attempt, Duration retryAfter) {
    if (retryAfter == null) {
      return settings.backoff().after(attempt, random);
    }
    return retryAfter.plusMillis(random.nextLong(retryAfter.toMillis() / 10 + 100));
  }

  private Void giveUp(ClaimedMessage row, OutboxStatus status, String reason, String code) {
    if (dao().markGivenUp(row.id(), row.leaseUntil(), status, reason, code, now())) {
      metrics.outbound(status);
    }
    return null;
  }

  /** Re-leases rows whose sender's lease lapsed mid-send and finds out from the provider what became of them. */
  private void reconcile(Lane lane) {
    if (lane.reconciling) {
      return;
    }
    lane.reconciling = true;
    Instant now = now();
    blocking.run(() -> dao().claimLapsed(lane.provider.name(), now, now.plus(settings.lease()), LAPSED_BATCH))
        .onComplete(lapsed -> {
          lane.reconciling = false;
          if (lapsed.failed()) {
            LOG.warn("Could not look for interrupted sends of {}: {}", lane.provider.name(), lapsed.cause().toString());
            return;
          }
          for (ClaimedMessage row : lapsed.result()) {
            sendPool.<PriorSend>executeBlocking(() -> lookup(lane.provider, row), false)
                .compose(prior -> blocking.run(() -> settle(lane, row, prior)))
                .onFailure(e -> LOG.error("Could not settle interrupted text {}", row.id(), e));
          }
        });
  }

  private PriorSend lookup(SmsProvider provider, ClaimedMessage row) {
    return provider.lookup(new OutgoingSms(row.idempotencyKey(), vault.decrypt(row.toEnc()), row.body()), row.attemptStartedAt());
  }

  private Void settle(Lane lane, ClaimedMessage row, PriorSend prior) {
    String provider = lane.provider.name();
    if (prior instanceof PriorSend.Found found) {
      List<String> held = dao().heldProviderIds(provider, found.providerMessageIds());
      for (String id : found.providerMessageIds()) {
        if (!held.contains(id)) {
          if (dao().markSent(row.id(), row.leaseUntil(), id, now())) {
            LOG.info("Interrupted text {} had reached {} as {}: recorded, not sent again", row.id(), provider, id);
            metrics.outbound(OutboxStatus.SENT);
            metrics.sentSegments(row.segments());
          }
          return null;
        }
      }
      prior = new PriorSend.NotFound();
    }
    if (prior instanceof PriorSend.NotFound) {
      dao().markRetry(row.id(), row.leaseUntil(), now(), "interrupted before " + provider + " took it; sent again", now());
    } else if (prior instanceof PriorSend.Unsupported) {
      giveUp(row, OutboxStatus.FAILED, "interrupted mid-send, and " + provider
          + " cannot be asked whether it went out: not sent again, so it is never sent twice", null);
    }
    // Unreachable: the new lease lapses and the provider is asked again.
    return null;
  }

  private void refreshGauges() {
    Instant now = now();
    blocking.run(() -> {
      OutboxDao dao = dao();
      metrics.outboxNow(dao.depth(), dao.oldestDueSeconds(now));
      return null;
    });
  }
}
