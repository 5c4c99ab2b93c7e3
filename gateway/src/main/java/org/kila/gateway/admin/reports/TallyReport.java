package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Choice;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.tally.SuppressedCell;

/**
 * The published tally of one question: counts per answer and stratum, each stratum's total, each
 * answer's total and the grand total, with every count under the threshold hidden, and others with it so
 * that totals cannot reveal it. A one-answer question is one {@link SafeTable} of answers by strata. A
 * multiple-choice question, where a person may choose several answers, is one table per answer (its
 * counts by stratum and their total) and one of the people who answered per stratum: its counts of
 * different answers add up to nothing published, so no table links them. Percentages are shown only
 * where both their counts are.
 */
public final class TallyReport {
  private final SurveyDefinition definition;
  private final Question question;
  private final Strata strata;
  private final String language;
  private final int threshold;
  private final AnswerCategories answers;
  private final List<List<String>> strataShown;
  /** One-answer questions: answers by strata. */
  private final SafeTable table;
  /** Multiple choice: per answer, one row of strata; and the people who answered, per stratum. */
  private final List<SafeTable> perAnswer;
  private final SafeTable people;

  /** {@code language}: for the question's text and labels; null for the survey's first language. */
  public TallyReport(SurveyDefinition definition, Question question, Strata strata, List<TallyRow> rows, int threshold,
      String language) {
    this.definition = definition;
    this.question = question;
    this.strata = strata;
    this.threshold = threshold;
    this.language = language != null && definition.languageCodes().contains(language) ? language
        : definition.languageCodes().get(0);
    Map<String, Integer> byAnswer = new HashMap<>();
    LinkedHashSet<List<String>> seen = new LinkedHashSet<>();
    for (TallyRow row : rows) {
      byAnswer.merge(row.answer(), row.chosen(), Integer::sum);
      seen.add(strata.stratum(row.stratum1(), row.stratum2(), row.stratum3()));
    }
    this.answers = new AnswerCategories(question, byAnswer);
    List<List<String>> shown = new ArrayList<>(seen);
    shown.sort(strata.order());
    if (shown.isEmpty()) {
      shown.add(strata.stratum(null, null, null)); // nobody answered: one empty stratum, all zeros
    }
    this.strataShown = shown;
    int[][] counts = new int[answers.shown().size()][shown.size()];
    int[] respondents = new int[shown.size()];
    Map<List<String>, Integer> column = new HashMap<>();
    for (int i = 0; i < shown.size(); i++) {
      column.put(shown.get(i), i);
    }
    for (TallyRow row : rows) {
      int c = column.get(strata.stratum(row.stratum1(), row.stratum2(), row.stratum3()));
      counts[answers.indexOf(row.answer())][c] += row.chosen();
      respondents[c] += row.respondents();
    }
    if (question.type() == QuestionType.MULTIPLE_CHOICE) {
      this.table = null;
      this.perAnswer = new ArrayList<>();
      for (int[] answerCounts : counts) {
        perAnswer.add(SafeTable.of(new int[][] {answerCounts}, shown.size(), threshold));
      }
      this.people = SafeTable.column(respondents, threshold);
    } else {
      this.table = SafeTable.of(counts, shown.size(), threshold);
      this.perAnswer = null;
      this.people = null;
    }
  }

  /** The API's answer: {@code question, by, threshold, hidden, cells, margins, answers, total}. */
  public JsonObject json() {
    CountJson counts = new CountJson();
    JsonArray cells = new JsonArray();
    for (int a = 0; a < answers.shown().size(); a++) {
      for (int s = 0; s < strataShown.size(); s++) {
        JsonObject cell = new JsonObject().put("answer", answers.shown().get(a)).put("stratum", strata.json(strataShown.get(s)));
        counts.putWithReason(cell, "count", cell(a, s));
        cells.add(cell.put("percent", percent(cell(a, s), stratumTotal(s))));
      }
    }
    JsonArray margins = new JsonArray();
    for (int s = 0; s < strataShown.size(); s++) {
      margins.add(counts.putWithReason(new JsonObject().put("stratum", strata.json(strataShown.get(s))), "count",
          stratumTotal(s)));
    }
    JsonArray answerTotals = new JsonArray();
    for (int a = 0; a < answers.shown().size(); a++) {
      JsonObject total = counts.putWithReason(new JsonObject().put("answer", answers.shown().get(a)), "count",
          answerTotal(a));
      answerTotals.add(total.put("percent", percent(answerTotal(a), total())));
    }
    JsonObject json = new JsonObject()
        .put("question", questionJson())
        .put("by", new JsonArray(strata.keys()))
        .put("threshold", threshold)
        .put("cells", cells)
        .put("margins", margins)
        .put("answers", answerTotals);
    counts.put(json, "total", total());
    return json.put("totalSuppressed", CountJson.reason(total())).put("hidden", counts.hidden());
  }

  private SuppressedCell cell(int a, int s) {
    return table != null ? table.cell(a, s) : perAnswer.get(a).cell(0, s);
  }

  /** How many gave answer {@code a}, in every stratum. */
  private SuppressedCell answerTotal(int a) {
    return table != null ? table.rowTotal(a) : perAnswer.get(a).rowTotal(0);
  }

  /** People in stratum {@code s} who answered. */
  private SuppressedCell stratumTotal(int s) {
    return people == null ? table.columnTotal(s) : people.cell(s, 0);
  }

  private SuppressedCell total() {
    return people == null ? table.total() : people.total();
  }

  private static Double percent(SuppressedCell part, SuppressedCell whole) {
    if (!part.isShown() || !whole.isShown() || whole.count() == 0) {
      return null;
    }
    return BigDecimal.valueOf(100.0 * part.count() / whole.count()).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  private JsonObject questionJson() {
    JsonArray choices = new JsonArray();
    switch (question.type()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
        for (Choice c : question.choices()) {
          choices.add(new JsonObject().put("value", c.value()).put("label", text(c.label())));
        }
      }
      case YES_NO -> {
        choices.add(new JsonObject().put("value", "yes").put("label", text(definition.messages().yes())));
        choices.add(new JsonObject().put("value", "no").put("label", text(definition.messages().no())));
      }
      case NUMBER, TEXT -> Strata.listedValues(question)
          .forEach(band -> choices.add(new JsonObject().put("value", band).put("label", band)));
    }
    return new JsonObject()
        .put("id", question.id())
        .put("type", question.type().json())
        .put("text", text(question.text()))
        .put("choices", choices);
  }

  private String text(LocalizedText text) {
    if (text == null) {
      return null;
    }
    String shown = text.in(language);
    return shown != null ? shown : text.in(definition.languageCodes().get(0));
  }
}
