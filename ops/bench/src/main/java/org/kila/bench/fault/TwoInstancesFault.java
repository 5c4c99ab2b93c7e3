package org.kila.bench.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.bench.Rig;
import org.kila.bench.check.AnswerCheck;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.LoadRun;
import org.kila.bench.load.TwoInstances;
import org.kila.bench.load.UssdClient;
import org.kila.bench.report.Verdict;
import org.kila.bench.run.GatewayProcess;
import org.kila.bench.scenario.Scenario;
import org.kila.bench.sms.FakeTwilio;
import org.kila.bench.sms.InvitationUpload;
import org.kila.bench.sms.OutboxRows;
import org.kila.bench.sms.SendLedger;

/**
 * Two gateway instances, A and B, on the one database, as ops/RUNBOOK.md "Scaling past one machine" runs
 * them (same keys, same public URL, a proxy without sticky sessions in front), with SMS through a fake
 * Twilio. USSD respondents' hops move between the instances ({@link TwoInstances}), and half of them hang
 * up part-way and dial again on the other instance. Meanwhile a few hundred invitations are queued through
 * the admin API (signed in on A, uploaded to B) and both instances drain the outbox at their configured
 * rate, until A is killed with kill -9 while it has texts Twilio took and has not answered yet; A is
 * restarted.
 *
 * <p>Nothing acknowledged may be lost or stored twice, no respondent may end up with two survey sessions,
 * every redial must continue at the question it left, and every invited number must reach Twilio exactly
 * once, recorded in the outbox with the id Twilio gave it. In the full run, the texts in flight at the kill
 * get no status callback, so only the outbox's look-up at Twilio, once their lease lapses (2 minutes), can
 * settle them.
 */
public final class TwoInstancesFault implements Scenario {
  static final double HOPS_PER_SECOND = 50;
  static final double HANG_UP_SHARE = 0.5;
  /** Texts per second per instance (KILA_SMS_RATE_PER_SECOND). */
  static final int SMS_RATE = 15;
  /** The outbox sender's send threads: with that many texts unanswered, an instance claims no more. */
  static final int SEND_THREADS = 16;
  /** The outbox lease, fixed in the gateway: an interrupted text is looked up once it lapses. */
  static final Duration LEASE = Duration.ofMinutes(2);
  static final String PUBLIC_URL = "http://gateway.bench.invalid";
  static final String FROM = "+254700000100";
  static final String ADMIN_EMAIL = "bench@kila.invalid";
  /** Invited numbers, apart from every scenario's respondents (+2547 then the respondent's number). */
  static final long FIRST_INVITED = 90_000_000;

  @Override
  public String name() {
    return "twoinst";
  }

  @Override
  public boolean runsOwnGateways() {
    return true;
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    int invitations = rig.options().pick(1_000, 300);
    SecureRandom random = new SecureRandom();
    String accountSid = "AC" + HexFormat.of().formatHex(bytes(random, 16));
    String authToken = HexFormat.of().formatHex(bytes(random, 16));
    String adminPassword = HexFormat.of().formatHex(bytes(random, 12));
    Path work = rig.options().work();
    List<GatewayProcess> instances = new ArrayList<>();
    List<UssdClient> clients = new ArrayList<>();
    List<Crowd> crowds = new ArrayList<>();
    List<LoadRun.OpenSchedule> schedules = new ArrayList<>();
    try (FakeTwilio twilio = FakeTwilio.start(rig.vertx(), 2, accountSid, authToken)) {
      Map<String, String> shared = new HashMap<>();
      shared.put("KILA_PUBLIC_URL", PUBLIC_URL);
      shared.put("KILA_PHONE_HASH_KEY", key(random));
      shared.put("KILA_PHONE_ENCRYPTION_KEY", key(random));
      shared.put("KILA_TWILIO_ACCOUNT_SID", accountSid);
      shared.put("KILA_TWILIO_AUTH_TOKEN", authToken);
      shared.put("KILA_TWILIO_FROM", FROM);
      shared.put("KILA_SMS_RATE_PER_SECOND", Integer.toString(SMS_RATE));
      shared.put("KILA_SMS_QUIET_HOURS", "none");
      shared.put("KILA_ADMIN_EMAIL", ADMIN_EMAIL);
      shared.put("KILA_ADMIN_PASSWORD", adminPassword);
      for (String n : List.of("a", "b")) {
        Map<String, String> own = new HashMap<>(shared);
        own.put("KILA_HTTP_PORT", Integer.toString(freePort()));
        own.put("KILA_TWILIO_BASE_URL", twilio.baseUrl(instances.size()));
        own.put("KILA_DATA_DIR", work.resolve("gateway-" + n + "-data").toString());
        instances.add(rig.gateway().sibling(n, own, work.resolve("gateway-" + n + ".log")));
      }
      GatewayProcess a = instances.get(0);
      GatewayProcess b = instances.get(1);
      long bothUp = startBoth(a, b);
      twilio.deliverCallbacksTo(List.of(a.port(), b.port()));
      twilio.callbacksForHeldBack(rig.options().shortRun());
      clients.add(new UssdClient(rig.vertx(), "127.0.0.1", a.port(), 256, Rig.AGGREGATOR_TIMEOUT_MILLIS));
      clients.add(new UssdClient(rig.vertx(), "127.0.0.1", b.port(), 256, Rig.AGGREGATOR_TIMEOUT_MILLIS));
      TwoInstances route = new TwoInstances(rig.vertx(), clients.get(0), clients.get(1));
      Crowd crowd = rig.crowd(name(), route, Duration.ofMillis(200), Duration.ofMillis(800), HANG_UP_SHARE);
      crowds.add(crowd);
      HopStats stats = new HopStats();
      crowd.call(() -> {
        stats.begin(System.nanoTime());
        crowd.measureInto(stats);
        return null;
      });
      LoadRun.OpenSchedule arrivals = LoadRun.startArrivals(crowd, HOPS_PER_SECOND);
      schedules.add(arrivals);
      long t0 = System.nanoTime();
      List<String> timeline = new ArrayList<>();

      List<String> invited = new ArrayList<>();
      for (int i = 0; i < invitations; i++) {
        invited.add(String.format("+2547%08d", FIRST_INVITED + i));
      }
      String inviteSays = invite(a, b, rig.script().id(), invited, ADMIN_EMAIL, adminPassword);
      long drainStart = System.nanoTime();
      timeline.add(since(t0, "invitations queued"));
      waitFor(() -> twilio.created().size() >= invitations / 3, Duration.ofSeconds(120),
          "the outbox did not start sending; see " + work.resolve("gateway-a.log"));

      // Twilio is slow for a moment towards A: once all of A's send threads wait for an answer (or 3 s
      // passed), A dies with texts Twilio took and A never heard back about.
      twilio.holdBack(0);
      waitFor(() -> twilio.heldBack(0) >= SEND_THREADS, Duration.ofSeconds(3), null);
      long ussdInFlight = crowd.call(crowd::inFlight);
      a.kill9();
      long killedAt = System.nanoTime();
      timeline.add(since(t0, "A killed"));
      int heldAtKill = twilio.heldBack(0);
      twilio.release(0);
      long restartMillis = a.start().toMillis();
      // No new respondents once A is back: those playing finish while the outbox drains.
      arrivals.endFromOutside();
      timeline.add(since(t0, "A back, no new respondents"));

      long deadline = killedAt + LEASE.plusSeconds(45).toNanos();
      waitForOutbox(rig, twilio, invited, deadline);
      double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
      timeline.add(since(t0, "outbox settled"));
      LoadRun.drain(crowd, Duration.ofSeconds(60));
      LoadRun.finish(crowd);
      timeline.add(since(t0, "respondents done"));
      crowd.call(() -> {
        stats.end(System.nanoTime());
        return null;
      });

      AnswerCheck.Result check = rig.database().check(crowd.prefix(), crowd.everyone());
      Tally tally = Tally.of(1, crowd, stats, check);
      TwoInstances.Figures routes = crowd.call(route::figures);
      TwoInstancesFindings found = new TwoInstancesFindings(tally, routes, crowd.call(crowd::hangUps),
          SendLedger.of(invited, twilio.created(), 2), outbox(rig, twilio), heldAtKill, twilio.refused(),
          twilio.callbacksRefused(), SMS_RATE);
      List<String> details = new ArrayList<>(found.misses());
      details.addAll(tally.details(crowd));
      details.add(String.format("requests answered by A %d, by B %d; %d moved to the other instance while one was "
          + "down; %d hops in flight at the kill; end-of-session notices %d (%d sent again after a 5xx or no "
          + "answer), not taken %d", routes.servedA(), routes.servedB(), routes.failedOver(), ussdInFlight,
          routes.notices(), routes.noticeRetries(), routes.noticesNotTaken()));
      details.add(String.format("A and B started in %d ms; A back after the kill in %d ms", bothUp, restartMillis));
      details.add("invitations " + inviteSays);
      details.add("after the first respondent: " + String.join(", ", timeline));
      details.add(String.format("outbox drained in %.1f s; rows by status %s; Twilio look-ups %d; %s", drainSeconds,
          found.rows().byStatus(), twilio.lookups(), twilio.callbackSummary()));
      return new Verdict(name(), found.misses().isEmpty(),
          "two instances on one database: sessions continue across them (0 lost, 0 duplicated, 0 phantom, 0 split, "
              + "resumed at the same question); each invitation sent once with both draining and one killed",
          found.figures(), details);
    } finally {
      // Also when something went wrong half-way: no respondent may go on dialling instances being stopped.
      schedules.forEach(LoadRun.OpenSchedule::endFromOutside);
      crowds.forEach(LoadRun::finish);
      clients.forEach(UssdClient::close);
      for (GatewayProcess g : instances) {
        g.stop();
      }
    }
  }

  /**
   * Starts A, then B, and returns how long until both were healthy, in ms. One after the other, as an
   * operator brings up a second machine: on two cores, two JVMs starting at once take as long anyway.
   */
  private static long startBoth(GatewayProcess a, GatewayProcess b) throws IOException {
    return a.start().plus(b.start()).toMillis();
  }

  /**
   * Queues an invitation to each number through the admin API, signed in on A and uploaded to B; returns
   * what the gateway said.
   */
  private static String invite(GatewayProcess a, GatewayProcess b, String surveyId, List<String> numbers,
      String email, String password) throws IOException, InterruptedException {
    InvitationUpload.Queued queued = new InvitationUpload().upload("http://127.0.0.1:" + a.port(),
        "http://127.0.0.1:" + b.port(), email, password, surveyId, numbers);
    if (queued.queued() != numbers.size()) {
      throw new IllegalStateException("the admin API queued " + queued.queued() + " of " + numbers.size()
          + " invitations (" + queued.skipped() + " rows skipped, file broken: " + queued.brokenAt() + ")");
    }
    return String.format("queued %d, skipped %d (signed in on A in %d ms, uploaded to B in %d ms)", queued.queued(),
        queued.skipped(), queued.signInMillis(), queued.uploadMillis());
  }

  /** Waits until every invited number reached Twilio and no invitation row is queued or being sent, or the deadline. */
  private static void waitForOutbox(Rig rig, FakeTwilio twilio, List<String> invited, long deadline) throws Exception {
    while (System.nanoTime() < deadline
        && (SendLedger.of(invited, twilio.created(), 2).missing() > 0 || outbox(rig, twilio).unsettled() > 0)) {
      LoadRun.sleep(Duration.ofMillis(500));
    }
  }

  private static OutboxRows outbox(Rig rig, FakeTwilio twilio) throws Exception {
    try (Connection c = rig.database().connect()) {
      return OutboxRows.read(c, twilio.created().stream().map(FakeTwilio.Message::sid).toList());
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier done, Duration atMost, String failure) {
    long until = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        if (failure != null) {
          throw new IllegalStateException(failure);
        }
        return;
      }
      LoadRun.sleep(Duration.ofMillis(50));
    }
  }

  private static String since(long t0, String what) {
    return String.format("%s %.1f s", what, (System.nanoTime() - t0) / 1e9);
  }

  /** 32 random bytes, base64: a phone key as the runbook has operators make one. */
  private static String key(SecureRandom random) {
    return Base64.getEncoder().encodeToString(bytes(random, 32));
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
