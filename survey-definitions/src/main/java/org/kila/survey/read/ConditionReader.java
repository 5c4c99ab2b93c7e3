package org.kila.survey.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kila.survey.model.Condition;
import org.kila.survey.validate.Problem;

/**
 * Reads skip logic. A condition is a test on one earlier answer, {@code {"question": "q1", "anyOf":
 * ["a", "b"]}} or {@code {"question": "age", "min": 18, "max": 24}}, or a combination: {@code {"all":
 * [...]}}, {@code {"any": [...]}}, {@code {"not": {...}}}. Whether the question exists and comes earlier
 * is the validator's business; here only the shape is checked.
 */
final class ConditionReader {
  private static final Set<String> COMBINATIONS = Set.of("all", "any", "not");
  private static final List<String> TEST_FIELDS = List.of("question", "anyOf", "min", "max");
  private static final List<String> ALL_FIELDS = List.of("question", "anyOf", "min", "max", "all", "any", "not");
  private static final String SHAPE =
      "a condition is {\"question\": ..., \"anyOf\": [...]}, {\"question\": ..., \"min\": ..., \"max\": ...},"
          + " or one of {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}}";

  private final List<Problem> problems;

  ConditionReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** The condition at {@code path}, or null when its shape is wrong (reported). */
  Condition read(JsonNode value, String path) {
    if (!value.isObject()) {
      problems.add(new Problem(path, "must be an object (" + SHAPE + "), not " + JsonFields.describe(value)));
      return null;
    }
    JsonFields fields = JsonFields.of(value, path, problems);
    List<String> names = fields.fieldNames();
    List<String> combinations = names.stream().filter(COMBINATIONS::contains).toList();
    boolean test = names.stream().anyMatch(TEST_FIELDS::contains);
    if (combinations.size() > 1 || (combinations.size() == 1 && test)) {
      problems.add(new Problem(path, "mixes " + String.join(", ", quoted(names.stream().filter(ALL_FIELDS::contains).toList()))
          + " in one condition: " + SHAPE + "; nest them to combine"));
      return null;
    }
    if (combinations.size() == 1) {
      fields.allowOnly(combinations);
      return combination(fields, combinations.get(0));
    }
    if (!test) {
      // Nothing recognisable: the unknown-field problems (with their "did you mean") say enough, and
      // an empty object gets the shape spelled out.
      fields.allowOnly(ALL_FIELDS);
      if (names.isEmpty()) {
        problems.add(new Problem(path, "empty condition: " + SHAPE));
      }
      return null;
    }
    fields.allowOnly(TEST_FIELDS);
    return answerTest(fields);
  }

  private Condition combination(JsonFields fields, String kind) {
    if (kind.equals("not")) {
      JsonNode inner = fields.value("not", true);
      Condition c = read(inner, fields.path("not"));
      return c == null ? null : new Condition.Not(c);
    }
    List<JsonNode> elements = fields.list(kind, true);
    if (elements.isEmpty() && fields.value(kind, false).isArray()) {
      problems.add(new Problem(fields.path(kind), "needs at least one condition"));
      return null;
    }
    List<Condition> parts = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < elements.size(); i++) {
      Condition c = read(elements.get(i), JsonFields.index(fields.path(kind), i));
      complete &= c != null;
      if (c != null) {
        parts.add(c);
      }
    }
    if (!complete || parts.isEmpty()) {
      return null;
    }
    return kind.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
  }

  private Condition answerTest(JsonFields fields) {
    String question = fields.string("question", true);
    boolean anyOf = fields.has("anyOf");
    boolean range = fields.has("min") || fields.has("max");
    if (anyOf && range) {
      problems.add(new Problem(fields.path(), "use either \"anyOf\" (answers) or \"min\"/\"max\" (a number range), not both"));
      return null;
    }
    if (!anyOf && !range) {
      problems.add(new Problem(fields.path(), "says which question but not which answers: add \"anyOf\": [...]"
          + " (choice values) or \"min\"/\"max\" (a number range)"));
      return null;
    }
    if (anyOf) {
      JsonNode list = fields.value("anyOf", false);
      List<String> values = fields.strings("anyOf", true);
      if (list.isArray() && list.isEmpty()) {
        problems.add(new Problem(fields.path("anyOf"), "needs at least one value"));
        return null;
      }
      // A malformed value (reported) would narrow the test if left out, so nothing is built then.
      return question == null || !list.isArray() || values.size() != list.size()
          ? null
          : new Condition.AnyOf(question, values);
    }
    Long min = fields.whole("min", false);
    Long max = fields.whole("max", false);
    boolean malformed = (fields.has("min") && min == null) || (fields.has("max") && max == null);
    return question == null || malformed ? null : new Condition.InRange(question, min, max);
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").toList();
  }
}
