package org.kila.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void turnsAwayTheHopBeyondTheLimitAndLetsOneInWhenAnotherLeaves() {
    Admission admission = new Admission(2);
    assertTrue(admission.tryEnter());
    assertTrue(admission.tryEnter());
    assertFalse(admission.tryEnter(), "a third hop while two are inside");
    admission.leave();
    assertTrue(admission.tryEnter(), "room again after one left");
    assertEquals(2, admission.inside());
  }

  @Test
  void neverLetsMoreThanTheLimitInFromManyThreads() throws Exception {
    Admission admission = new Admission(5);
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 200; i++) {
      pool.submit(() -> {
        go.await();
        if (admission.tryEnter()) {
          admitted.incrementAndGet();
        }
        return null;
      });
    }
    go.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(5, admitted.get());
  }
}
