package org.kila.gateway.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of test cases written as text, one row per line, columns separated by '|', the first row
 * naming the columns. Lines starting with '#' are comments. A cell {@code ""} is the empty string and
 * {@code -} means "not applicable" (read as null).
 */
public final class CaseTable {
  private CaseTable() {}

  /** One row, its cells by column name. */
  public record Row(Map<String, String> cells) {
    public String get(String column) {
      if (!cells.containsKey(column)) {
        throw new IllegalArgumentException("no column " + column + " in " + cells.keySet());
      }
      return cells.get(column);
    }
  }

  public static List<Row> parse(String text) {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] raw = line.split("\\|", -1);
      if (header == null) {
        header = new ArrayList<>();
        for (String name : raw) {
          header.add(name.strip());
        }
        continue;
      }
      if (raw.length != header.size()) {
        throw new IllegalArgumentException("row has " + raw.length + " cells, header has " + header.size() + ": " + line);
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < raw.length; i++) {
        String cell = raw[i].strip();
        cells.put(header.get(i), cell.equals("-") ? null : cell.equals("\"\"") ? "" : cell);
      }
      rows.add(new Row(cells));
    }
    return rows;
  }

  /** True when {@code actual} is {@code expected}, or contains it when {@code expected} starts with '~'. */
  public static boolean bodyMatches(String expected, String actual) {
    return expected.startsWith("~") ? actual.contains(expected.substring(1)) : actual.equals(expected);
  }
}
