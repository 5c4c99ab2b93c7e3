package org.kila.gateway.admin.exports;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tallies of every question as CSV, made from exactly what the tally API publishes (so hidden counts
 * stay hidden): one row per cell (answer by stratum), per stratum total, per answer total and the total,
 * with an empty count and the reason where it is hidden.
 */
final class TalliesCsv {
  private final List<String> by;
  private final String threshold;
  private final StringBuilder out = new StringBuilder();
  private final CSVPrinter csv;

  TalliesCsv(List<String> by, int threshold) {
    this.by = List.copyOf(by);
    List<String> header = new ArrayList<>(List.of("question_id", "row", "answer"));
    by.forEach(k -> header.add("stratum_" + k));
    header.addAll(List.of("count", "suppressed", "percent", "threshold"));
    try {
      csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.threshold = Integer.toString(threshold);
  }

  /** Adds one question's tally, as {@code TallyReport.json()} gives it. */
  void add(JsonObject tally) {
    String question = tally.getJsonObject("question").getString("id");
    for (Object o : tally.getJsonArray("cells")) {
      JsonObject cell = (JsonObject) o;
      print(question, "cell", cell.getString("answer"), cell.getJsonObject("stratum"), cell);
    }
    for (Object o : tally.getJsonArray("margins")) {
      JsonObject margin = (JsonObject) o;
      print(question, "stratum total", "", margin.getJsonObject("stratum"), margin);
    }
    for (Object o : tally.getJsonArray("answers")) {
      JsonObject answer = (JsonObject) o;
      print(question, "answer total", answer.getString("answer"), new JsonObject(), answer);
    }
    JsonObject total = new JsonObject().put("count", tally.getValue("total"))
        .put("suppressed", tally.getValue("totalSuppressed"));
    print(question, "total", "", new JsonObject(), total);
  }

  private void print(String question, String row, String answer, JsonObject stratum, JsonObject counted) {
    List<String> cells = new ArrayList<>(List.of(question, row, answer == null ? "(other answers)" : answer));
    by.forEach(k -> cells.add(stratum.getString(k, "")));
    Object count = counted.getValue("count");
    Object percent = counted.getValue("percent");
    cells.add(count == null ? "" : count.toString());
    cells.add(counted.getString("suppressed", ""));
    cells.add(percent == null ? "" : percent.toString());
    cells.add(threshold);
    try {
      csv.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text() {
    return out.toString();
  }
}
