package org.kila.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.kila.bench.survey.SurveyScript;

/**
 * Every simulated respondent of one scenario, and the loop that plays them: send a hop, read the reply,
 * think, send the next; dial again after a failure. Everything runs on one Vert.x event-loop context, so
 * the respondents need no locks; the harness thread talks to it through {@link #call}.
 */
public final class Crowd {
  /**
   * How the respondents behave.
   *
   * @param prefix start of every aggregator session id of this scenario, so its sessions can be found
   * @param firstNumber the first respondent's number (phone numbers follow it), distinct per scenario
   * @param thinkMillis time between a reply and the next input, drawn uniformly from [min, max]; 0 0 plays
   *     as fast as replies come (closed loop)
   * @param redialMillis time before dialling again after a failed hop, drawn uniformly from [min, max]
   * @param maxRedials failed dials in a row after which a respondent gives up
   * @param abandonShare share of respondents who hang up part-way through the survey
   * @param replay send every hop twice, as an aggregator retrying it would, and compare the replies
   * @param hangUpShare share of respondents who hang up once part-way and dial again (after the redial
   *     time) to continue where they were
   */
  public record Settings(String prefix, long firstNumber, long seed, long thinkMinMillis, long thinkMaxMillis,
      long redialMinMillis, long redialMaxMillis, int maxRedials, double abandonShare, boolean replay,
      double hangUpShare) {

    /** Settings of a crowd in which nobody hangs up on purpose to dial again. */
    public Settings(String prefix, long firstNumber, long seed, long thinkMinMillis, long thinkMaxMillis,
        long redialMinMillis, long redialMaxMillis, int maxRedials, double abandonShare, boolean replay) {
      this(prefix, firstNumber, seed, thinkMinMillis, thinkMaxMillis, redialMinMillis, redialMaxMillis, maxRedials,
          abandonShare, replay, 0);
    }
  }

  /** A hop as it was sent, kept to be replayed later. */
  public record SentHop(String externalId, String phone, String text) {}

  private final Vertx vertx;
  private final Context context;
  private final Route route;
  private final SurveyScript script;
  private final Settings settings;
  private final SplittableRandom random;
  private final List<Respondent> everyone = new ArrayList<>();
  private final Map<Respondent.Outcome, Long> outcomes = new EnumMap<>(Respondent.Outcome.class);
  private final List<SentHop> sent = new ArrayList<>();
  private final List<String> brokenScreens = new ArrayList<>();
  private final List<String> mismatches = new ArrayList<>();
  private Runnable onFinished = () -> { };
  private HopStats stats = new HopStats();
  private long nextNumber;
  private int active;
  private int inFlight;
  private boolean stopped;
  private long completedHops;
  private long completedCount;
  private long replays;
  private long replayMismatches;
  private long hangUps;

  public Crowd(Vertx vertx, UssdClient client, SurveyScript script, Settings settings) {
    this(vertx, Route.to(client), script, settings);
  }

  public Crowd(Vertx vertx, Route route, SurveyScript script, Settings settings) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.route = route;
    this.script = script;
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.nextNumber = settings.firstNumber();
  }

  /** Runs {@code work} on the crowd's context and waits for it: the only way in from other threads. */
  public <T> T call(Callable<T> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        done.complete(work.call());
      } catch (Exception e) {
        done.fail(e);
      }
    });
    try {
      return done.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("load generator did not answer", e);
    }
  }

  /** Start of every aggregator session id of this crowd. */
  public String prefix() {
    return settings.prefix();
  }

  public Context context() {
    return context;
  }

  /** Hops sent from now on are counted in {@code next}; hops already in flight stay in the old phase. */
  public void measureInto(HopStats next) {
    stats = next;
  }

  /** Called on the context each time a respondent finishes (the closed loop starts another). */
  public void onFinished(Runnable callback) {
    this.onFinished = callback;
  }

  /** A new respondent dials in; {@code dueNanos} is when the schedule wanted it, latency counts from there. */
  public void startOne(long dueNanos) {
    long number = nextNumber++;
    int abandonAfter = random.nextDouble() < settings.abandonShare() ? random.nextInt(1, 10) : -1;
    int hangUpAfter = random.nextDouble() < settings.hangUpShare() ? random.nextInt(0, 9) : -1;
    Respondent r = new Respondent(number, settings.prefix(), script, settings.seed(), settings.maxRedials(),
        abandonAfter, hangUpAfter);
    everyone.add(r);
    active++;
    r.dial();
    send(r, dueNanos);
  }

  private void send(Respondent r, long dueNanos) {
    if (stopped) {
      active--;
      return;
    }
    HopStats phase = stats;
    phase.sent(System.nanoTime() - dueNanos);
    String externalId = r.externalId();
    String text = r.text();
    // A first hop is replayed at the same moment as the original (an aggregator that sent it twice); other
    // hops are replayed once their reply is in (a retry after a lost reply).
    Future<UssdClient.Reply> twin = settings.replay() && text.isEmpty()
        ? route.hop(r, script.ussdCode(), externalId, text) : null;
    inFlight++;
    route.hop(r, script.ussdCode(), externalId, text).onComplete(ar -> {
      inFlight--;
      long latency = System.nanoTime() - dueNanos;
      if (settings.replay()) {
        sent.add(new SentHop(externalId, r.phone(), text));
      }
      if (ar.failed()) {
        phase.error(UssdClient.errorKind(ar.cause()), latency);
        next(r, r.onFailure());
        return;
      }
      UssdClient.Reply reply = ar.result();
      if (reply.status() != 200) {
        phase.error("http_" + reply.status(), latency);
        next(r, r.onFailure());
        return;
      }
      Respondent.Action action = r.onReply(reply.body());
      if (r.outcome() == Respondent.Outcome.BROKEN) {
        phase.error("unexpected_screen", latency);
        if (brokenScreens.size() < 5) {
          brokenScreens.add(reply.body());
        }
      } else if (action == Respondent.Action.REDIAL || r.outcome() == Respondent.Outcome.GAVE_UP) {
        phase.turnedAway(latency);
      } else {
        phase.answered(latency);
      }
      if (action == Respondent.Action.HANG_UP) {
        hangUps++;
        hangUp(r, reply.body());
      }
      if (settings.replay()) {
        Future<UssdClient.Reply> again = twin != null ? twin : route.hop(r, script.ussdCode(), externalId, text);
        compare(again, reply.body()).onComplete(v -> next(r, action));
      } else {
        next(r, action);
      }
    });
  }

  /** The aggregator tells the gateway the session ended before the survey did (its end-of-session notice). */
  private void hangUp(Respondent r, String lastScreen) {
    Future<UssdClient.Reply> notice = route.sessionEnded(r, script.ussdCode(), lastScreen);
    if (notice != null) {
      inFlight++;
      notice.onComplete(ar -> inFlight--);
    }
  }

  /** The aggregator's copy of a hop: the gateway must give the same reply as to the original and store nothing. */
  private Future<Void> compare(Future<UssdClient.Reply> copy, String firstReply) {
    replays++;
    inFlight++;
    return copy.transform(ar -> {
      inFlight--;
      if (ar.failed() || ar.result().status() != 200 || !ar.result().body().equals(firstReply)) {
        replayMismatches++;
        if (mismatches.size() < 5) {
          mismatches.add(firstReply.replace("\n", " / ") + "  <>  "
              + (ar.failed() ? ar.cause().toString() : ar.result().body().replace("\n", " / ")));
        }
      }
      return Future.succeededFuture();
    });
  }

  private void next(Respondent r, Respondent.Action action) {
    switch (action) {
      case SEND -> later(r, between(settings.thinkMinMillis(), settings.thinkMaxMillis()), false);
      case REDIAL, HANG_UP -> later(r, between(settings.redialMinMillis(), settings.redialMaxMillis()), true);
      case DONE -> {
        active--;
        outcomes.merge(r.outcome(), 1L, Long::sum);
        if (r.outcome() == Respondent.Outcome.COMPLETED) {
          completedHops += r.hops();
          completedCount++;
        }
        onFinished.run();
      }
    }
  }

  private void later(Respondent r, long delayMillis, boolean redial) {
    long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
    if (delayMillis <= 0) {
      if (redial) {
        r.dial();
      }
      send(r, due);
      return;
    }
    vertx.setTimer(delayMillis, id -> {
      if (redial) {
        r.dial();
      }
      send(r, due);
    });
  }

  private long between(long min, long max) {
    return max <= min ? min : min + random.nextLong(max - min + 1);
  }

  /** Stops every respondent where it is: no hop is sent after this; those in flight still complete. */
  public void stop() {
    stopped = true;
  }

  /** Respondents still playing (waiting for a reply, thinking, or about to redial). */
  public int active() {
    return active;
  }

  public int inFlight() {
    return inFlight;
  }

  /** Mean hops of a completed survey so far, or {@code fallback} before any completed. */
  public double meanHopsPerSurvey(double fallback) {
    return completedCount == 0 ? fallback : (double) completedHops / completedCount;
  }

  public List<Respondent> everyone() {
    return List.copyOf(everyone);
  }

  public Map<Respondent.Outcome, Long> outcomes() {
    return Map.copyOf(outcomes);
  }

  public List<SentHop> sentHops() {
    return List.copyOf(sent);
  }

  public List<String> brokenScreens() {
    return List.copyOf(brokenScreens);
  }

  /** Respondents who hung up on purpose, to dial again. */
  public long hangUps() {
    return hangUps;
  }

  public long replays() {
    return replays;
  }

  public long replayMismatches() {
    return replayMismatches;
  }

  /** A few replies that differed from their replay's, for the report. */
  public List<String> mismatchExamples() {
    return List.copyOf(mismatches);
  }
}
