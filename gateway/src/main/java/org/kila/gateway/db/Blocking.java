package org.kila.gateway.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The one place where blocking work (every JDBC call) leaves the event loop: a named pool of worker
 * threads, sized like the connection pool, since more threads than connections would only wait for one.
 */
public final class Blocking {
  /** Worker threads are named after this, which shows up in thread dumps and in Vert.x's blocked-thread warnings. */
  public static final String POOL_NAME = "kila-db";

  private final WorkerExecutor executor;

  public Blocking(Vertx vertx, int size) {
    this.executor = vertx.createSharedWorkerExecutor(POOL_NAME, size);
  }

  /**
   * Runs {@code work} on a worker thread, unordered (hops of different sessions must not queue behind
   * each other), and completes on the caller's context with its result or its exception.
   */
  public <T> Future<T> run(Callable<T> work) {
    return executor.executeBlocking(work, false);
  }

  /**
   * Like {@link #run(Callable)}, but work that waited longer than {@code maxWait} for a worker fails with
   * {@link Expired} without running: whoever asked for it has been answered already (a hop times out after
   * the hop timeout), and running it anyway would delay the work queued behind it, as after a database
   * outage, when a backlog of abandoned hops held up recovery.
   */
  public <T> Future<T> run(Duration maxWait, Callable<T> work) {
    long latest = System.nanoTime() + maxWait.toNanos();
    return executor.executeBlocking(() -> {
      if (System.nanoTime() - latest > 0) {
        throw new Expired(maxWait);
      }
      return work.call();
    }, false);
  }

  /** Work dropped because it waited for a worker longer than it was allowed to. */
  public static final class Expired extends RuntimeException {
    Expired(Duration maxWait) {
      super("waited more than " + maxWait.toMillis() + " ms for a database worker", null, false, false);
    }
  }

  /** Releases the worker threads; work already submitted still runs. */
  public Future<Void> close() {
    return executor.close();
  }
}
