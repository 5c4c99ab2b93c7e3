package org.kila.gateway.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockingTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void runsWorkOnTheNamedWorkerPoolAndReturnsToTheCallersContext() throws Exception {
    Blocking blocking = new Blocking(vertx, 2);
    CompletableFuture<List<Object>> seen = new CompletableFuture<>();
    Context eventLoop = vertx.getOrCreateContext();
    eventLoop.runOnContext(v -> blocking.run(() -> Thread.currentThread().getName())
        .onComplete(r -> seen.complete(List.of(r.result(), Vertx.currentContext() == eventLoop,
            Context.isOnEventLoopThread()))));
    List<Object> result = seen.get(10, TimeUnit.SECONDS);
    assertTrue(((String) result.get(0)).startsWith(Blocking.POOL_NAME), "ran on " + result.get(0));
    assertEquals(true, result.get(1), "completes on the caller's context");
    assertEquals(true, result.get(2), "back on the event loop");
  }

  @Test
  void aFailureReachesTheCaller() throws Exception {
    Blocking blocking = new Blocking(vertx, 1);
    Future<Object> failed = blocking.run(() -> {
      throw new SQLException("connection refused");
    });
    Throwable cause = failed.toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(10, TimeUnit.SECONDS);
    assertTrue(cause instanceof SQLException || cause.getCause() instanceof SQLException, String.valueOf(cause));
  }

  @Test
  void slowWorkDoesNotHoldUpOtherWork() throws Exception {
    Blocking blocking = new Blocking(vertx, 2);
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> slow = blocking.run(() -> release.await(10, TimeUnit.SECONDS));
    String fast = blocking.run(() -> "done").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals("done", fast, "unordered: the second task did not wait for the first");
    assertFalse(slow.isComplete());
    release.countDown();
    assertTrue(slow.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
  }

  @Test
  void workThatWaitedPastItsDeadlineIsDroppedWithoutRunning() throws Exception {
    Blocking blocking = new Blocking(vertx, 1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> busy = blocking.run(() -> release.await(10, TimeUnit.SECONDS));
    AtomicBoolean ran = new AtomicBoolean();
    Future<String> queued = blocking.run(Duration.ofMillis(50), () -> {
      ran.set(true);
      return "ran";
    });
    Thread.sleep(200);
    release.countDown();
    busy.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    Throwable cause = queued.toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(5, TimeUnit.SECONDS);
    assertTrue(cause instanceof Blocking.Expired || cause.getCause() instanceof Blocking.Expired, String.valueOf(cause));
    assertFalse(ran.get(), "the expired work never ran");
  }

  @Test
  void workThatGetsAWorkerInTimeRuns() throws Exception {
    Blocking blocking = new Blocking(vertx, 1);
    assertEquals("ran", blocking.run(Duration.ofSeconds(5), () -> "ran")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
  }
}
