package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Question;
import org.kila.survey.model.SurveyDefinition;

/**
 * Where people stopped part way: per question, in the survey's order, the sessions that stopped on it,
 * with small counts hidden (one {@link SafeTable} column). Questions nobody stopped at are left out.
 */
final class DropOff {
  static final String BEFORE_FIRST_QUESTION = "Before the first question (language or consent screen)";

  private DropOff() {}

  static JsonArray json(SurveyDefinition definition, List<DroppedRow> rows, int threshold, String language,
      CountJson counts) {
    Map<String, Integer> byQuestion = new HashMap<>();
    rows.forEach(r -> byQuestion.merge(r.questionId() == null ? "" : r.questionId(), r.sessions(), Integer::sum));
    List<String> order = new ArrayList<>();
    if (byQuestion.containsKey("")) {
      order.add("");
    }
    definition.questions().forEach(q -> {
      if (byQuestion.containsKey(q.id())) {
        order.add(q.id());
      }
    });
    byQuestion.keySet().stream().filter(id -> !order.contains(id)).sorted().forEach(order::add);
    int[] dropped = order.stream().mapToInt(byQuestion::get).toArray();
    SafeTable table = SafeTable.column(dropped, threshold);
    JsonArray json = new JsonArray();
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      JsonObject row = new JsonObject()
          .put("questionId", id.isEmpty() ? null : id)
          .put("text", id.isEmpty() ? BEFORE_FIRST_QUESTION : text(definition, id, language));
      json.add(counts.putWithReason(row, "dropped", table.cell(i, 0)));
    }
    return json;
  }

  private static String text(SurveyDefinition definition, String questionId, String language) {
    return definition.question(questionId).map(Question::text)
        .map(t -> t.in(language) != null ? t.in(language) : t.in(definition.languageCodes().get(0)))
        .orElse(null);
  }
}
