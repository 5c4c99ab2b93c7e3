package org.kila.gateway.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database can be reached, known without asking it on every request. While it is away a hop
 * is answered with the polite "try again shortly" at once, instead of holding a worker for the connect
 * timeout and, queued behind others, the respondent for the whole hop timeout; and when it is back the
 * gateway serves again within one probe interval, instead of whenever the connection pool's own retry,
 * which backs off to seconds, next tries.
 *
 * <p>A failure that looks like a lost connection (SQLSTATE class 08, or PostgreSQL shutting down or
 * starting up) does not by itself mark the database away: it asks for a probe, a fresh connection made
 * outside the pool, and only a failed probe does. One backend killed by an operator thus costs nothing.
 * While away, the probe runs every {@link #PROBE_EVERY}; once one succeeds, {@code onBack} readies the pool
 * (it may replace it), and only then are hops let through again.
 */
public final class Availability implements AutoCloseable {
  /** How often a database known to be away is tried again. */
  static final Duration PROBE_EVERY = Duration.ofMillis(100);
  /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now (starting up or in recovery). */
  private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");
  private static final Logger LOG = LoggerFactory.getLogger(Availability.class);

  /** A fresh connection's check: returns when the database answers, throws when it does not. */
  @FunctionalInterface
  public interface Probe {
    void check() throws Exception;
  }

  /** What to do as the database goes away or comes back; runs on the probe thread. */
  @FunctionalInterface
  public interface Step {
    void run() throws Exception;
  }

  private final Probe probe;
  private final Step onAway;
  private final Step onBack;
  private final Duration every;
  private final ScheduledExecutorService prober;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile boolean away;
  private volatile long awaySince;

  public Availability(Probe probe, Step onAway, Step onBack) {
    this(probe, onAway, onBack, PROBE_EVERY);
  }

  Availability(Probe probe, Step onAway, Step onBack, Duration every) {
    this.probe = probe;
    this.onAway = onAway;
    this.onBack = onBack;
    this.every = every;
    this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kila-db-probe");
      t.setDaemon(true);
      return t;
    });
  }

  /** True while the database is known to be unreachable: answer without trying it. */
  public boolean away() {
    return away;
  }

  /**
   * Tells of a failed piece of database work: a lost connection starts a probe (unless one runs already);
   * anything else (a constraint, a timeout waiting for a busy pool) says nothing about reachability.
   */
  public void failed(Throwable failure) {
    if (isConnectionLoss(failure)) {
      probeSoon(0);
    }
  }

  /** True for a failure that means the server cannot be reached or is going away, anywhere in the causes. */
  static boolean isConnectionLoss(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState()))) {
        return true;
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private void probeSoon(long delayMillis) {
    if (delayMillis == 0 && !probing.compareAndSet(false, true)) {
      return;
    }
    try {
      prober.schedule(this::probeOnce, delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      probing.set(false);
    }
  }

  private void probeOnce() {
    try {
      probe.check();
      if (away) {
        onBack.run();
        away = false;
        LOG.info("The database is back after {} ms; serving again",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - awaySince));
      }
      probing.set(false);
    } catch (Exception e) {
      if (!away) {
        awaySince = System.nanoTime();
        away = true;
        LOG.warn("The database cannot be reached ({}); answering with the retry message and trying again every {} ms",
            Database.deepestMessage(e), every.toMillis());
        try {
          onAway.run();
        } catch (Exception | Error ignored) {
          LOG.debug("Clearing the pool after the database went away failed", ignored);
        }
      }
      probeSoon(every.toMillis());
    }
  }

  /** Work not tried because the database is known to be away. */
  public static final class Away extends RuntimeException {
    public Away() {
      super("the database is away", null, false, false);
    }
  }

  /** Stops probing; the state stays as it was. */
  @Override
  public void close() {
    prober.shutdownNow();
  }
}
