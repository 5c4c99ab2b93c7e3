package org.kila.bench.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.kila.bench.survey.ScriptQuestion;
import org.kila.bench.survey.Screen;
import org.kila.bench.survey.SurveyScript;

/**
 * One simulated person with a basic phone playing a survey through Africa's Talking: reads each screen,
 * gives a valid answer, and when a hop fails (no reply, an error, or a polite "try again" END) dials
 * again later, expecting to continue at the question they were on.
 *
 * <p>It keeps its own ledger of what the gateway acknowledged: an answer is acknowledged once a later
 * screen moves past its question. An answer sent in a hop that failed is pending: the gateway may or may
 * not have stored it, and the screen shown on the next dial says which.
 */
public final class Respondent {
  /**
   * What the driver does next for this respondent: send the next input, dial again after a failure, hang
   * up on purpose and dial again later (the aggregator then sends its end-of-session notice), or stop.
   */
  public enum Action { SEND, REDIAL, HANG_UP, DONE }

  /** How a respondent's run ended. */
  public enum Outcome { COMPLETED, ABANDONED, GAVE_UP, BROKEN }

  /** An answer as the respondent gave it: the question it answered and the value the gateway should store. */
  public record Answer(String questionId, String value) {}

  private static final String[] WORDS = {"jobs", "water", "listen", "to", "youth", "roads", "clinic", "fees",
      "please", "more", "training", "vijana", "kazi", "maji"};

  private final long number;
  private final String sessionPrefix;
  private final SurveyScript script;
  private final SplittableRandom random;
  private final int maxRedials;
  private final int abandonAfterAnswers;
  private final int hangUpAfterAnswers;
  private final List<String> externalIds = new ArrayList<>();
  private final List<String> inputs = new ArrayList<>();
  private final List<Answer> acknowledged = new ArrayList<>();
  private final Set<String> acknowledgedIds = new HashSet<>();
  private Answer pending;
  private boolean interrupted;
  private int failuresInARow;
  private int hops;
  private int resumes;
  private int wrongResumes;
  private int refusedAnswers;
  private boolean hungUp;
  private String brokenScreen;
  private Outcome outcome;

  /**
   * @param abandonAfterAnswers stop answering (hang up) after this many acknowledged answers; -1 never
   */
  public Respondent(long number, String sessionPrefix, SurveyScript script, long seed, int maxRedials,
      int abandonAfterAnswers) {
    this(number, sessionPrefix, script, seed, maxRedials, abandonAfterAnswers, -1);
  }

  /**
   * @param hangUpAfterAnswers hang up once, on the question after this many acknowledged answers, and dial
   *     again later expecting that same question; -1 never
   */
  public Respondent(long number, String sessionPrefix, SurveyScript script, long seed, int maxRedials,
      int abandonAfterAnswers, int hangUpAfterAnswers) {
    this.number = number;
    this.sessionPrefix = sessionPrefix;
    this.script = script;
    this.random = new SplittableRandom(seed ^ (number * 0x9E3779B97F4A7C15L));
    this.maxRedials = maxRedials;
    this.abandonAfterAnswers = abandonAfterAnswers;
    this.hangUpAfterAnswers = hangUpAfterAnswers;
  }

  /** A Kenyan mobile number of its own, so every respondent is a different person to the gateway. */
  public String phone() {
    return String.format("+2547%08d", number % 100_000_000L);
  }

  /** Starts a new aggregator session (a first dial or a redial); the first hop's text is empty. */
  public void dial() {
    externalIds.add(sessionPrefix + "-" + number + "-" + (externalIds.size() + 1));
    inputs.clear();
  }

  public String externalId() {
    return externalIds.get(externalIds.size() - 1);
  }

  /** Hops of the current aggregator session that got a reply or failed: the first, and one per input since. */
  public int hopsThisDial() {
    return inputs.size() + 1;
  }

  /** Aggregator sessions so far: 1 after the first dial, 2 after a redial, ... */
  public int dials() {
    return externalIds.size();
  }

  /** What Africa's Talking sends as {@code text}: every input of this session joined by '*'. */
  public String text() {
    return String.join("*", inputs);
  }

  /** Reads a reply body and decides the next step; on {@link Action#SEND} the next {@link #text()} is ready. */
  public Action onReply(String body) {
    hops++;
    Screen screen = script.read(body);
    if (screen == null) {
      return broken(body);
    }
    if (screen.ends()) {
      if (screen.kind() == Screen.Kind.COMPLETED) {
        confirmPending();
        outcome = Outcome.COMPLETED;
        return Action.DONE;
      }
      return interrupt();
    }
    failuresInARow = 0;
    boolean resumeHop = interrupted && inputs.isEmpty();
    if (pending != null) {
      if (screen.kind() == Screen.Kind.QUESTION && screen.question().id().equals(pending.questionId())) {
        if (!resumeHop) {
          refusedAnswers++;
        }
        pending = null;
      } else {
        confirmPending();
      }
    }
    if (resumeHop) {
      resumes++;
      boolean restarted = !acknowledged.isEmpty() && screen.kind() != Screen.Kind.QUESTION;
      boolean wentBack = screen.kind() == Screen.Kind.QUESTION && acknowledgedIds.contains(screen.question().id());
      if (restarted || wentBack) {
        wrongResumes++;
      }
      interrupted = false;
    }
    return switch (screen.kind()) {
      case LANGUAGE -> send(screen.options().get(random.nextInt(screen.options().size())).number());
      case CONSENT -> send(1);
      case QUESTION -> answer(screen);
      default -> broken(body);
    };
  }

  /** The hop failed or was turned away: dial again later, unless the last {@code maxRedials} dials all failed. */
  public Action onFailure() {
    hops++;
    return interrupt();
  }

  private Action interrupt() {
    interrupted = true;
    if (++failuresInARow > maxRedials) {
      outcome = Outcome.GAVE_UP;
      return Action.DONE;
    }
    return Action.REDIAL;
  }

  private Action answer(Screen screen) {
    if (abandonAfterAnswers >= 0 && acknowledged.size() >= abandonAfterAnswers) {
      outcome = Outcome.ABANDONED;
      return Action.DONE;
    }
    if (hangUpAfterAnswers >= 0 && !hungUp && acknowledged.size() >= hangUpAfterAnswers) {
      // Nothing is pending here: this question's screen acknowledged the answer before it.
      hungUp = true;
      interrupted = true;
      return Action.HANG_UP;
    }
    ScriptQuestion q = screen.question();
    String input;
    String value;
    switch (q.type()) {
      case "number" -> {
        long n = q.min() + random.nextLong(q.max() - q.min() + 1);
        input = Long.toString(n);
        value = input;
      }
      case "text" -> {
        StringBuilder s = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
        for (int i = random.nextInt(4); i > 0; i--) {
          String next = WORDS[random.nextInt(WORDS.length)];
          if (s.length() + 1 + next.length() <= q.maxLength()) {
            s.append(' ').append(next);
          }
        }
        input = s.toString();
        value = input;
      }
      default -> {
        if (screen.options().isEmpty()) {
          return broken(screen.text());
        }
        Screen.Option option = screen.options().get(random.nextInt(screen.options().size()));
        input = Integer.toString(option.number());
        value = q.valueOfOption(option.number(), option.label());
        if (value == null) {
          return broken(screen.text());
        }
      }
    }
    pending = new Answer(q.id(), value);
    inputs.add(input);
    return Action.SEND;
  }

  private Action send(int option) {
    inputs.add(Integer.toString(option));
    return Action.SEND;
  }

  private void confirmPending() {
    if (pending != null) {
      acknowledged.add(pending);
      acknowledgedIds.add(pending.questionId());
      pending = null;
    }
  }

  private Action broken(String body) {
    brokenScreen = body;
    outcome = Outcome.BROKEN;
    return Action.DONE;
  }

  public long number() {
    return number;
  }

  /** Every aggregator session id this respondent used, one per dial. */
  public List<String> externalIds() {
    return List.copyOf(externalIds);
  }

  /** Answers the gateway acknowledged: each must be stored exactly once. */
  public List<Answer> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** An answer sent in a hop that failed and was not confirmed since: stored at most once, if at all. */
  public Answer pending() {
    return pending;
  }

  /** Hops sent so far, failed ones included. */
  public int hops() {
    return hops;
  }

  /** Redials that reached the gateway again. */
  public int resumes() {
    return resumes;
  }

  /** True once the respondent hung up on purpose (it dials again). */
  public boolean hungUp() {
    return hungUp;
  }

  /** Redials that did not continue where the respondent left off (restarted, or went back). */
  public int wrongResumes() {
    return wrongResumes;
  }

  /** Valid answers the gateway said were invalid. */
  public int refusedAnswers() {
    return refusedAnswers;
  }

  public String brokenScreen() {
    return brokenScreen;
  }

  /** Null while still playing. */
  public Outcome outcome() {
    return outcome;
  }
}
