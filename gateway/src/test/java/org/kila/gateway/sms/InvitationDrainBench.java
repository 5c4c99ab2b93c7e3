package org.kila.gateway.sms;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.gateway.survey.SurveyPublisher;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.render.ChannelProfile;

/**
 * Benchmark, not a test: queues an invitation CSV of N numbers (default 10,000) to the bundled youth
 * survey and drains the outbox through the fake Twilio server at the configured rate, then prints how
 * long queueing took, the rate achieved, the busiest second, and whether every number got exactly one
 * text. Uses the test database (embedded PostgreSQL, or KILA_TEST_DB_URL).
 *
 * <pre>
 * mvn -B -q -pl gateway -am test-compile
 * mvn -B -q -pl gateway exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.kila.gateway.sms.InvitationDrainBench -Dexec.args="10000 100"
 * </pre>
 * Arguments: the number of rows (default 10000) and texts per second (default 100).
 */
public final class InvitationDrainBench {
  private InvitationDrainBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 100;
    TestDatabase db = new TestDatabase();
    db.open();
    Vertx vertx = Vertx.vertx();
    try (OutboxRig rig = new OutboxRig(db.jdbi())) {
      ChannelProfile ussd = ChannelProfile.ussdDefault();
      SurveyCatalog catalog = new SurveyCatalog(SurveyPublisher.loader(db.jdbi()), ussd);
      catalog.setLive(new SurveyPublisher(db.jdbi(), ussd, Clock.systemUTC()).publish(Optional.empty()));
      StringBuilder csv = new StringBuilder("phone,language\n");
      for (int i = 0; i < rows; i++) {
        csv.append(String.format("07%02d%06d,%s%n", 10 + i / 1_000_000, i % 1_000_000, i % 3 == 0 ? "sw" : "en"));
      }
      Invitations invitations = new Invitations(db.jdbi(), catalog, rig.vault,
          new Outbox(Clock.systemUTC(), new SmsMetrics(new SimpleMeterRegistry())),
          new FollowUpDefaults(Optional.empty(), ZoneOffset.UTC, 0, Duration.ofHours(48), Set.of(), true), "twilio",
          Clock.systemUTC());

      long queueStart = System.nanoTime();
      Invitations.Report report = invitations.invite("youth-voice-ke", new StringReader(csv.toString()));
      double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
      System.out.printf("queued   %,d invitations in %.1f s (%,.0f rows/s), %d rows skipped%n",
          report.invited(), queueSeconds, report.invited() / queueSeconds, report.skipped().size());

      OutboxSettings settings = OutboxSettings.of(rate, 5);
      OutboxSender sender = new OutboxSender(db.jdbi(), new Blocking(vertx, 4), List.of(rig.twilioProvider()), rig.vault,
          settings, rig.metrics, Clock.systemUTC(), new Random());
      Instant drainStart = Instant.now();
      vertx.deployVerticle(sender).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      long sent;
      do {
        Thread.sleep(250);
        sent = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sms_outbox WHERE status = 'sent'").mapTo(Long.class).one());
      } while (sent < report.invited() && Duration.between(drainStart, Instant.now()).toMinutes() < 30);

      List<FakeTwilioServer.Received> received = rig.twilio.received();
      Instant first = received.stream().map(FakeTwilioServer.Received::at).min(Comparator.naturalOrder()).orElseThrow();
      Instant last = received.stream().map(FakeTwilioServer.Received::at).max(Comparator.naturalOrder()).orElseThrow();
      double drainSeconds = Duration.between(first, last).toNanos() / 1e9;
      Set<String> numbers = new HashSet<>();
      received.forEach(r -> numbers.add(r.to()));
      System.out.printf("drained  %,d texts in %.1f s: %.1f texts/s against a configured %.1f/s (busiest second: %d)%n",
          received.size(), drainSeconds, (received.size() - 1) / drainSeconds, rate, busiestSecond(received));
      System.out.printf("checked  %,d distinct numbers, %,d texts, %,d rows sent: %s%n", numbers.size(), received.size(), sent,
          numbers.size() == report.invited() && received.size() == report.invited() && sent == report.invited()
              ? "every number got exactly one text" : "MISMATCH");
      System.out.printf("segments %,.0f (a cost proxy)%n", rig.counter("kila.sms.segments"));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      db.close();
    }
  }

  /** The most texts received within any one second. */
  private static int busiestSecond(List<FakeTwilioServer.Received> received) {
    List<Instant> times = received.stream().map(FakeTwilioServer.Received::at).sorted().toList();
    Deque<Instant> window = new ArrayDeque<>();
    int most = 0;
    for (Instant t : times) {
      window.addLast(t);
      while (!window.peekFirst().isAfter(t.minusSeconds(1))) {
        window.removeFirst();
      }
      most = Math.max(most, window.size());
    }
    return most;
  }
}
