package org.kila.bench.fault;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kila.bench.Rig;
import org.kila.bench.load.UssdClient;
import org.kila.bench.report.Verdict;
import org.kila.bench.run.MemoryTrend;
import org.kila.bench.scenario.Scenario;

/**
 * Junk at volume against every endpoint, 64 requests at a time for 3 minutes in the full run (10 s in the
 * short one): the gateway must answer each without a 5xx, never hang (no request left without an answer for
 * 5 s), keep its memory flat over the flood, and still play a survey afterwards.
 */
public final class FloodFault implements Scenario {
  static final int IN_FLIGHT = 64;
  static final long HANG_MILLIS = 5_000;
  /** The gateway's KILA_MAX_BODY_BYTES default: junk is sized around it. */
  static final int MAX_BODY_BYTES = 8_192;

  @Override
  public String name() {
    return "flood";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(rig.options().pick(180, 10));
    long requests = 0;
    JunkRequests junk = new JunkRequests(20_261_123);
    UssdClient client = new UssdClient(rig.vertx(), "127.0.0.1", rig.gateway().port(), IN_FLIGHT, HANG_MILLIS);
    Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    List<String> fiveHundreds = Collections.synchronizedList(new ArrayList<>());
    Semaphore window = new Semaphore(IN_FLIGHT);
    long pid = rig.gateway().pid();
    long t0 = System.nanoTime();
    try (MemoryTrend memory = new MemoryTrend(() -> pid, 1_000)) {
      while (System.nanoTime() < until) {
        requests++;
        JunkRequests.Junk j = junk.next(MAX_BODY_BYTES);
        window.acquire();
        client.send(j.method(), j.path(), j.contentType(), Buffer.buffer(j.body())).onComplete(ar -> {
          String key = ar.succeeded() ? (ar.result().status() / 100) + "xx" : UssdClient.errorKind(ar.cause());
          statuses.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
          if (ar.succeeded() && ar.result().status() >= 500 && fiveHundreds.size() < 5) {
            fiveHundreds.add(j.method() + " " + j.path() + " " + j.contentType() + " -> " + ar.result().status() + " "
                + ar.result().body());
          }
          window.release();
        });
      }
      window.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - t0) / 1e9;
      client.close();
      MemoryTrend.Summary rss = memory.summary();
      Map<String, Long> counts = new TreeMap<>();
      statuses.forEach((k, v) -> counts.put(k, v.get()));
      long errors5xx = counts.getOrDefault("5xx", 0L);
      long hangs = counts.entrySet().stream().filter(e -> !e.getKey().endsWith("xx")).mapToLong(Map.Entry::getValue).sum();
      boolean stillWorks = rig.gateway().health() == 200 && playsAfter(rig);
      List<String> misses = new ArrayList<>();
      if (errors5xx > 0) {
        misses.add("5xx answers");
      }
      if (hangs > 0) {
        misses.add("requests without an answer within " + HANG_MILLIS + " ms or cut off");
      }
      if (!rss.flat()) {
        misses.add("memory grew");
      }
      if (!stillWorks) {
        misses.add("the gateway no longer plays a survey");
      }
      List<String> details = new ArrayList<>(misses);
      details.addAll(fiveHundreds);
      return new Verdict(name(), misses.isEmpty(), "junk at volume: no 5xx, no hang, memory flat, still answers",
          String.format("requests %d in %.0f s (%.0f/s), answers by class %s, 5xx %d, hung %d; %s; afterwards %s",
              requests, seconds, requests / seconds, counts, errors5xx, hangs, rss.describe(),
              stillWorks ? "healthy and playing" : "BROKEN"),
          details);
    }
  }

  private static boolean playsAfter(Rig rig) {
    try {
      UssdClient.Reply r = rig.client().hop(rig.script().ussdCode(), rig.prefix("afterflood") + "-1", "+254799999999", "")
          .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      return r.status() == 200 && r.body().startsWith("CON ");
    } catch (Exception e) {
      return false;
    }
  }
}
