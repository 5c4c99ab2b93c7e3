package org.kila.bench.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query written with Jdbi-style named parameters ({@code :surveyId}) turned into JDBC's {@code ?}, with
 * the names in the order they must be bound. Casts ({@code ::date}), quoted text and comments are left
 * alone.
 */
record NamedSql(String jdbc, List<String> names) {
  private static final Pattern PART = Pattern.compile("--[^\n]*|'(?:[^']|'')*'|::|:([A-Za-z][A-Za-z0-9_]*)");

  static NamedSql parse(String sql) {
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher m = PART.matcher(sql);
    int last = 0;
    while (m.find()) {
      out.append(sql, last, m.start());
      if (m.group(1) != null) {
        names.add(m.group(1));
        out.append('?');
      } else {
        out.append(m.group());
      }
      last = m.end();
    }
    out.append(sql.substring(last));
    return new NamedSql(out.toString(), List.copyOf(names));
  }
}
