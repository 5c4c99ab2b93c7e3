package org.kila.bench.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kila.bench.load.Respondent;

/**
 * Compares what each respondent was acknowledged with what the database holds: every acknowledged
 * answer stored exactly once, nothing stored that was never sent, and all of a respondent's dials on one
 * survey session (a redial that started afresh instead of resuming shows up as a split).
 */
public final class AnswerCheck {
  private AnswerCheck() {}

  /** A stored answer row, as the check needs it. */
  public record Stored(String questionId, String value) {}

  /**
   * The verdict.
   *
   * @param lost acknowledged answers missing, or stored with another value
   * @param duplicated answer rows beyond the first for the same question of the same respondent
   * @param phantom stored answers to questions the respondent never answered
   * @param split respondents whose dials landed on more than one survey session
   * @param pendingStored answers in flight when a hop failed that turned out to be stored (at most once: fine)
   */
  public record Result(long respondents, long acknowledged, long lost, long duplicated, long phantom, long split,
      long pendingStored, List<String> examples) {

    public boolean passed() {
      return lost == 0 && duplicated == 0 && phantom == 0 && split == 0;
    }

    public String summary() {
      return String.format("answers acknowledged %d, lost %d, duplicated %d, phantom %d; respondents %d, "
          + "split sessions %d; in-flight answers found stored %d", acknowledged, lost, duplicated, phantom,
          respondents, split, pendingStored);
    }
  }

  /**
   * @param sessionOf survey session id of each aggregator session id the database knows
   * @param answersOf stored answers of each survey session
   */
  public static Result compare(List<Respondent> respondents, Map<String, String> sessionOf,
      Map<String, List<Stored>> answersOf) {
    long acknowledged = 0;
    long lost = 0;
    long duplicated = 0;
    long phantom = 0;
    long split = 0;
    long pendingStored = 0;
    List<String> examples = new ArrayList<>();
    for (Respondent r : respondents) {
      Set<String> sessions = new HashSet<>();
      for (String external : r.externalIds()) {
        String session = sessionOf.get(external);
        if (session != null) {
          sessions.add(session);
        }
      }
      if (sessions.size() > 1) {
        split++;
        note(examples, "respondent " + r.number() + " has " + sessions.size() + " survey sessions");
      }
      Map<String, List<String>> stored = new HashMap<>();
      for (String session : sessions) {
        for (Stored s : answersOf.getOrDefault(session, List.of())) {
          stored.computeIfAbsent(s.questionId(), k -> new ArrayList<>()).add(s.value());
        }
      }
      Set<String> expected = new HashSet<>();
      for (Respondent.Answer a : r.acknowledged()) {
        acknowledged++;
        expected.add(a.questionId());
        List<String> values = stored.getOrDefault(a.questionId(), List.of());
        if (!values.contains(a.value())) {
          lost++;
          note(examples, "respondent " + r.number() + " " + a + " acknowledged, stored " + values);
        }
        if (values.size() > 1) {
          duplicated += values.size() - 1;
          note(examples, "respondent " + r.number() + " " + a.questionId() + " stored " + values.size() + " times");
        }
      }
      Respondent.Answer pending = r.pending();
      if (pending != null && !expected.contains(pending.questionId())) {
        expected.add(pending.questionId());
        List<String> values = stored.getOrDefault(pending.questionId(), List.of());
        if (values.size() == 1) {
          pendingStored++;
        } else if (values.size() > 1) {
          duplicated += values.size() - 1;
          note(examples, "respondent " + r.number() + " in-flight " + pending.questionId() + " stored "
              + values.size() + " times");
        }
      }
      for (Map.Entry<String, List<String>> e : stored.entrySet()) {
        if (!expected.contains(e.getKey())) {
          phantom += e.getValue().size();
          note(examples, "respondent " + r.number() + " never answered " + e.getKey() + " but " + e.getValue()
              + " is stored");
        }
      }
    }
    return new Result(respondents.size(), acknowledged, lost, duplicated, phantom, split, pendingStored,
        List.copyOf(examples));
  }

  private static void note(List<String> examples, String example) {
    if (examples.size() < 10) {
      examples.add(example);
    }
  }
}
