package org.kila.survey.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kila.survey.model.Condition;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SurveyDefinition;

/**
 * Finds questions that can never be asked: no combination of answers to the questions before them makes
 * their condition hold. It tries every relevant combination of answers to the questions a condition
 * depends on (and, in turn, the questions those depend on), knowing that a question whose own condition
 * fails has no answer. Only answers that a condition can tell apart are tried: for a choice, the values
 * the conditions name plus one other; for a number, the range ends and each side of every bound used
 * (and, for a banded stratifier, the band a carried-over answer records). This follows the engine's
 * reading of conditions: no answer matches no test, so {@code not} of a test holds.
 */
final class ReachabilityRules implements Rule {
  /** Past this many combinations the question is assumed reachable: a missed warning beats a false one. */
  private static final int MOST_COMBINATIONS = 100_000;

  private enum Outcome { SHOWN, NEVER, TOO_MANY }

  private final Set<Integer> sound;

  /** {@code sound}: questions whose condition refers only to earlier questions, as their types allow. */
  ReachabilityRules(Set<Integer> sound) {
    this.sound = Set.copyOf(sound);
  }

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    Search search = new Search(survey);
    for (int i : new TreeSet<>(sound)) {
      if (!search.canHold(i)) {
        problems.add(new Problem("questions[" + i + "].showIf", "this question can never be shown: no answers to"
            + " the questions before it make this condition hold"));
      }
    }
  }

  /** The state of one survey's search: which answers each question can take. */
  private final class Search {
    private final List<Question> questions;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Set<String>> namedValues = new HashMap<>();
    private final Map<String, Set<Long>> namedBounds = new HashMap<>();
    private int combinations;

    Search(SurveyDefinition survey) {
      questions = survey.questions();
      for (int i = 0; i < questions.size(); i++) {
        index.putIfAbsent(questions.get(i).id(), i);
        if (questions.get(i).showIf() != null) {
          collect(questions.get(i).showIf());
        }
      }
    }

    private void collect(Condition c) {
      for (Condition leaf : leaves(c)) {
        if (leaf instanceof Condition.AnyOf anyOf) {
          namedValues.computeIfAbsent(anyOf.question(), k -> new HashSet<>()).addAll(anyOf.values());
        } else if (leaf instanceof Condition.InRange range) {
          Set<Long> bounds = namedBounds.computeIfAbsent(range.question(), k -> new HashSet<>());
          if (range.min() != null) bounds.add(range.min());
          if (range.max() != null) bounds.add(range.max());
        }
      }
    }

    boolean canHold(int target) {
      List<Integer> closure = new ArrayList<>(dependencies(target));
      closure.sort(null);
      List<List<Object>> domains = new ArrayList<>();
      for (int j : closure) {
        List<Object> domain = domain(questions.get(j));
        if (domain == null) {
          return true;
        }
        domains.add(domain);
      }
      combinations = 0;
      return search(target, closure, domains, 0, new HashMap<>()) != Outcome.NEVER;
    }

    /** The earlier questions whose answers can decide whether {@code target} is shown, transitively. */
    private Set<Integer> dependencies(int target) {
      Set<Integer> found = new HashSet<>();
      List<Integer> todo = new ArrayList<>(List.of(target));
      while (!todo.isEmpty()) {
        int q = todo.remove(todo.size() - 1);
        // An unsound condition's references may be unknown or later: its question is then treated as
        // maybe shown, and what it refers to is not followed.
        if (questions.get(q).showIf() == null || (q != target && !sound.contains(q))) {
          continue;
        }
        for (Condition leaf : leaves(questions.get(q).showIf())) {
          int ref = index.get(leaf instanceof Condition.AnyOf a ? a.question() : ((Condition.InRange) leaf).question());
          if (found.add(ref)) {
            todo.add(ref);
          }
        }
      }
      return found;
    }

    /** Tries the answers of {@code closure} from position {@code k} on, depth first. */
    private Outcome search(int target, List<Integer> closure, List<List<Object>> domains, int k, Map<String, Object> answers) {
      if (k == closure.size()) {
        if (++combinations > MOST_COMBINATIONS) {
          return Outcome.TOO_MANY;
        }
        return holds(questions.get(target).showIf(), answers) ? Outcome.SHOWN : Outcome.NEVER;
      }
      Question q = questions.get(closure.get(k));
      List<Boolean> shown = q.showIf() == null ? List.of(true)
          : sound.contains(closure.get(k)) ? List.of(holds(q.showIf(), answers))
          : List.of(true, false);
      for (boolean asked : shown) {
        List<Object> values = asked ? domains.get(k) : Collections.singletonList(null);
        for (Object value : values) {
          if (value != null) {
            answers.put(q.id(), value);
          }
          Outcome result = search(target, closure, domains, k + 1, answers);
          answers.remove(q.id());
          if (result != Outcome.NEVER) {
            return result;
          }
        }
      }
      return Outcome.NEVER;
    }

    /** The answers worth trying for {@code q}, or null when there are too many to try. */
    private List<Object> domain(Question q) {
      Set<String> named = namedValues.getOrDefault(q.id(), Set.of());
      if (q.type() == QuestionType.NUMBER) {
        if (q.min() > q.max()) {
          return null; // reported as its own problem; nothing sensible to try
        }
        Set<Long> points = new TreeSet<>(List.of(q.min(), q.max()));
        for (long b : namedBounds.getOrDefault(q.id(), Set.of())) {
          for (long p : new long[] {b - 1, b, b + 1}) {
            if (p >= q.min() && p <= q.max()) {
              points.add(p);
            }
          }
        }
        List<Object> domain = new ArrayList<>(points);
        if (q.stratifier() != null && q.stratifier().derived()) {
          // Carried over from the respondent's profile, the answer is the band ("18-24"), which no
          // range matches.
          domain.add(q.stratifier().bands().get(0).value());
        }
        return domain;
      }
      if (q.type() == QuestionType.TEXT) {
        return List.of("");
      }
      List<String> atoms = new ArrayList<>();
      String other = null;
      for (String value : Answers.values(q)) {
        if (named.contains(value)) {
          atoms.add(value);
        } else if (other == null) {
          other = value;
        }
      }
      if (other != null) {
        atoms.add(other);
      }
      if (q.type() != QuestionType.MULTIPLE_CHOICE) {
        return new ArrayList<>(atoms);
      }
      if (atoms.size() > 12) {
        return null;
      }
      List<Object> subsets = new ArrayList<>();
      for (int mask = 1; mask < (1 << atoms.size()); mask++) {
        Set<String> subset = new HashSet<>();
        for (int b = 0; b < atoms.size(); b++) {
          if ((mask & (1 << b)) != 0) {
            subset.add(atoms.get(b));
          }
        }
        subsets.add(subset);
      }
      return subsets;
    }
  }

  /** Whether {@code c} holds for these answers; a question without an answer matches no test. */
  static boolean holds(Condition c, Map<String, Object> answers) {
    if (c instanceof Condition.All all) {
      return all.conditions().stream().allMatch(p -> holds(p, answers));
    }
    if (c instanceof Condition.Any any) {
      return any.conditions().stream().anyMatch(p -> holds(p, answers));
    }
    if (c instanceof Condition.Not not) {
      return !holds(not.condition(), answers);
    }
    if (c instanceof Condition.AnyOf anyOf) {
      Object answer = answers.get(anyOf.question());
      if (answer instanceof Set<?> chosen) {
        return anyOf.values().stream().anyMatch(chosen::contains);
      }
      return answer != null && anyOf.values().contains(answer);
    }
    Condition.InRange range = (Condition.InRange) c;
    if (!(answers.get(range.question()) instanceof Long n)) {
      return false;
    }
    return (range.min() == null || n >= range.min()) && (range.max() == null || n <= range.max());
  }

  static List<Condition> leaves(Condition c) {
    List<Condition> leaves = new ArrayList<>();
    if (c instanceof Condition.All all) {
      all.conditions().forEach(p -> leaves.addAll(leaves(p)));
    } else if (c instanceof Condition.Any any) {
      any.conditions().forEach(p -> leaves.addAll(leaves(p)));
    } else if (c instanceof Condition.Not not) {
      leaves.addAll(leaves(not.condition()));
    } else {
      leaves.add(c);
    }
    return leaves;
  }
}
