package org.kila.gateway.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kila.gateway.store.ExportRow;
import org.kila.survey.model.Question;
import org.kila.survey.model.SurveyDefinition;

/**
 * Writes a survey's sessions as CSV: one row per session (completed, partial or screened out, with its
 * status), one column per question (choice values, not labels), one per stratifier, the respondent's
 * pseudonymous id, start and end times and channel. Never a phone number.
 */
public final class ResponsesCsv implements AutoCloseable {
  private final CSVPrinter printer;
  private final List<String> questionIds = new ArrayList<>();
  private final List<String> profileKeys = new ArrayList<>();

  public ResponsesCsv(Appendable out, SurveyDefinition definition) {
    for (Question q : definition.questions()) {
      questionIds.add(q.id());
      if (q.isStratifier() && !profileKeys.contains(q.stratifier().profileKey())) {
        profileKeys.add(q.stratifier().profileKey());
      }
    }
    List<String> header = new ArrayList<>(List.of("session_id", "respondent_id", "survey_version", "channel",
        "aggregator", "status", "started_at", "ended_at"));
    profileKeys.forEach(k -> header.add("stratum_" + k));
    header.addAll(questionIds);
    try {
      printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(ExportRow row) {
    List<String> cells = new ArrayList<>(List.of(row.sessionId().toString(), row.respondentId().toString(),
        Integer.toString(row.surveyVersion()), row.channel().name().toLowerCase(Locale.ROOT),
        row.aggregator(), row.status().name().toLowerCase(Locale.ROOT), time(row.startedAt()),
        time(row.endedAt())));
    profileKeys.forEach(k -> cells.add(row.stratifiers().getOrDefault(k, "")));
    questionIds.forEach(q -> cells.add(row.answers().getOrDefault(q, "")));
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String time(Instant t) {
    return t == null ? "" : t.toString();
  }

  @Override
  public void close() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
