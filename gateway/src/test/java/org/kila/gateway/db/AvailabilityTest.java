package org.kila.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** When the gateway decides the database is away, and when it lets hops through again. */
class AvailabilityTest {
  private final AtomicBoolean reachable = new AtomicBoolean(true);
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicInteger cleared = new AtomicInteger();
  private final AtomicInteger readied = new AtomicInteger();
  private final AtomicBoolean readyFails = new AtomicBoolean();

  private Availability availability() {
    return new Availability(() -> {
      probes.incrementAndGet();
      if (!reachable.get()) {
        throw new SQLException("Connection refused", "08001");
      }
    }, cleared::incrementAndGet, () -> {
      if (readyFails.get()) {
        throw new IllegalStateException("pool could not connect");
      }
      readied.incrementAndGet();
    }, Duration.ofMillis(20));
  }

  @Test
  void lostConnectionsAreToldFromOtherFailures() {
    assertTrue(Availability.isConnectionLoss(new SQLException("I/O error", "08006")));
    assertTrue(Availability.isConnectionLoss(new SQLException("terminating connection due to administrator command", "57P01")));
    assertTrue(Availability.isConnectionLoss(new SQLException("the database system is starting up", "57P03")));
    assertTrue(Availability.isConnectionLoss(new RuntimeException("wrapped", new SQLException("x", "08001"))));
    assertTrue(Availability.isConnectionLoss(new IllegalStateException(new ConnectException("Connection refused"))));
    // A pool that is merely busy times out without a state: the database is up, only slow.
    assertFalse(Availability.isConnectionLoss(new SQLTransientConnectionException("Connection is not available")));
    assertFalse(Availability.isConnectionLoss(new SQLException("duplicate key", "23505")));
    assertFalse(Availability.isConnectionLoss(new SQLException("canceling statement due to user request", "57014")));
    assertFalse(Availability.isConnectionLoss(new IllegalStateException("no cause")));
  }

  @Test
  void aFailureThatIsNotALostConnectionStartsNoProbe() throws Exception {
    try (Availability a = availability()) {
      a.failed(new SQLException("duplicate key", "23505"));
      Thread.sleep(100);
      assertEquals(0, probes.get());
      assertFalse(a.away());
    }
  }

  @Test
  void oneKilledConnectionOnAReachableDatabaseIsProbedButNeverCountsAsAway() throws Exception {
    try (Availability a = availability()) {
      a.failed(new SQLException("terminating connection due to administrator command", "57P01"));
      await(() -> probes.get() == 1, "a probe");
      Thread.sleep(100);
      assertFalse(a.away());
      assertEquals(1, probes.get(), "a reachable database is probed once, not polled");
      assertEquals(0, cleared.get());
    }
  }

  @Test
  void anUnreachableDatabaseIsAwayUntilAProbeAndTheReadiedPoolSaySoAgain() throws Exception {
    reachable.set(false);
    try (Availability a = availability()) {
      a.failed(new SQLException("I/O error", "08006"));
      await(a::away, "away");
      await(() -> cleared.get() == 1, "the dead pool emptied");
      int before = probes.get();
      await(() -> probes.get() >= before + 3, "probing again while away");
      assertTrue(a.away());

      reachable.set(true);
      readyFails.set(true);
      int failedReady = probes.get();
      await(() -> probes.get() >= failedReady + 3, "probes while the pool cannot be readied");
      assertTrue(a.away(), "not back until the pool is ready");

      readyFails.set(false);
      await(() -> !a.away(), "back");
      assertEquals(1, readied.get());
      int after = probes.get();
      Thread.sleep(100);
      assertEquals(after, probes.get(), "no probing once back");
      assertEquals(1, cleared.get());
    }
  }

  @Test
  void failuresWhileAProbeIsUnderWayStartNoOther() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    try (Availability a = new Availability(() -> {
      started.incrementAndGet();
      answer.await(); // a database that takes its time to answer the probe
    }, () -> { }, () -> { }, Duration.ofMillis(20))) {
      for (int i = 0; i < 50; i++) {
        a.failed(new SQLException("I/O error", "08006"));
      }
      await(() -> started.get() == 1, "a probe");
      Thread.sleep(100);
      assertEquals(1, started.get(), "one probe at a time");
      answer.countDown();
      assertFalse(a.away());
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
