package org.kila.gateway.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many USSD hops may be inside the gateway at once, running or waiting for a database connection. A
 * hop beyond that is turned away at once with the polite "dial again shortly" END: queued, it would only
 * be answered after the aggregator's own 10-15 s timeout, when the respondent has gone, and the work done
 * for it would slow the hops that can still be answered in time.
 */
public final class Admission {
  private final AtomicInteger inside = new AtomicInteger();
  private final int limit;

  public Admission(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /** Lets one hop in, or says no when {@code limit} are inside; a hop let in must {@link #leave()}. */
  public boolean tryEnter() {
    while (true) {
      int n = inside.get();
      if (n >= limit) {
        return false;
      }
      if (inside.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  public void leave() {
    inside.decrementAndGet();
  }

  /** Hops inside now, for the {@code kila_ussd_hops_in_flight} gauge. */
  public int inside() {
    return inside.get();
  }
}
