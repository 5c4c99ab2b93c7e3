package org.kila.gateway.admin.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kila.survey.model.Band;
import org.kila.survey.model.Choice;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Question;
import org.kila.survey.model.SurveyDefinition;

/**
 * The codebook of a survey version as CSV, to read the responses CSV with: per question one row (its id,
 * type, stratifier profile key, range and text in every language), then one row per value its answers can
 * hold (choice values, yes and no, or the bands of a derived stratifier) with its label per language.
 */
final class CodebookCsv {
  private CodebookCsv() {}

  static String of(SurveyDefinition definition) {
    List<String> languages = definition.languageCodes();
    List<String> header = new ArrayList<>(List.of("question_id", "type", "stratifier", "value", "prefer_not_to_say",
        "min", "max"));
    languages.forEach(l -> header.add("text_" + l));
    StringBuilder out = new StringBuilder();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
      for (Question q : definition.questions()) {
        String stratifier = q.isStratifier() ? q.stratifier().profileKey() : "";
        csv.printRecord(row(q, stratifier, "", "", q.min() == null ? "" : q.min().toString(),
            q.max() == null ? "" : q.max().toString(), q.text(), languages));
        switch (q.type()) {
          case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
            for (Choice c : q.choices()) {
              csv.printRecord(row(q, stratifier, c.value(), c.preferNotToSay() ? "yes" : "", "", "", c.label(), languages));
            }
          }
          case YES_NO -> {
            csv.printRecord(row(q, stratifier, "yes", "", "", "", definition.messages().yes(), languages));
            csv.printRecord(row(q, stratifier, "no", "", "", "", definition.messages().no(), languages));
          }
          case NUMBER -> {
            if (q.isStratifier()) {
              for (Band b : q.stratifier().bands()) {
                csv.printRecord(row(q, stratifier, b.value(), "", Long.toString(b.min()), Long.toString(b.max()), null,
                    languages));
              }
            }
          }
          case TEXT -> {
            // free text: no values to list
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<String> row(Question q, String stratifier, String value, String preferNotToSay, String min,
      String max, LocalizedText text, List<String> languages) {
    List<String> row = new ArrayList<>(List.of(q.id(), q.type().json(), stratifier, value, preferNotToSay, min, max));
    for (String language : languages) {
      String shown = text == null ? null : text.in(language);
      row.add(shown == null ? "" : shown);
    }
    return row;
  }
}
