package org.kila.gateway.sms;

import java.time.Clock;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.OutboxDao;

/**
 * Opting out and back in, on the caller's transaction. An opt-out also withdraws every text still queued
 * for the number, and the outbox refuses new ones, so every send path honours it.
 */
public final class OptOuts {
  private final Clock clock;
  private final SmsMetrics metrics;

  public OptOuts(Clock clock, SmsMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
  }

  /** True when the number had not opted out before (so an acknowledgement is due once). */
  public boolean optOut(Handle handle, byte[] phoneHash, OptOutDao.Source source) {
    boolean news = handle.attach(OptOutDao.class).optOut(phoneHash, clock.instant(), source);
    handle.attach(OutboxDao.class).cancelQueued(phoneHash, clock.instant());
    if (news) {
      metrics.optedOut(source.name().toLowerCase(Locale.ROOT));
    }
    return news;
  }

  /** True when the number had opted out and now has not. */
  public boolean optIn(Handle handle, byte[] phoneHash) {
    return handle.attach(OptOutDao.class).optIn(phoneHash);
  }

  public boolean isOptedOut(Handle handle, byte[] phoneHash) {
    return handle.attach(OptOutDao.class).isOptedOut(phoneHash);
  }
}
