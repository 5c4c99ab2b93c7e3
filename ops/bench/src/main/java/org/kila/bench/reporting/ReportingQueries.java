package org.kila.bench.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The reporting queries the admin page runs, timed on the filled database: the gateway's own report SQL
 * ({@code gateway/src/main/resources/sql/report_*.sql}), read from the checkout, plus one count of the
 * harness's own, timed for information.
 */
final class ReportingQueries {
  /** One query to time, and where its SQL came from. */
  record Query(String name, String sql, String source, Map<String, Object> params) {}

  /** How long one query took: every run, in milliseconds, and the rows it returned. */
  record Timing(Query query, long[] millis, int rows) {
    long median() {
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[sorted.length / 2];
    }

    long max() {
      return Arrays.stream(millis).max().orElse(0);
    }
  }

  static final String SURVEY = "bench-report";

  private ReportingQueries() {}

  /**
   * The admin API asks for up to three stratifiers at a time, so the six are timed as two triples: the
   * sensitive ones (gender, age band, disability) and the rest (location, ethnicity, migrant status).
   */
  static List<Query> all(Path gatewaySqlDir) throws IOException {
    Map<String, Object> first = Map.of("key1", "gender", "key2", "age_band", "key3", "disability",
        "multiple", false, "question", "q05", "surveyId", SURVEY, "version", 0);
    Map<String, Object> second = Map.of("key1", "location_type", "key2", "ethnicity", "key3", "migrant_status",
        "multiple", false, "question", "q09", "surveyId", SURVEY, "version", 0);
    Map<String, Object> survey = Map.of("surveyId", SURVEY, "version", 0);
    List<Query> queries = new ArrayList<>();
    queries.add(gateways(gatewaySqlDir, "report_tally", "tally by gender, age band, disability", first));
    queries.add(gateways(gatewaySqlDir, "report_tally", "tally by location, ethnicity, migrant status", second));
    queries.add(gateways(gatewaySqlDir, "report_participation", "participation by gender, age band, disability",
        first));
    queries.add(gateways(gatewaySqlDir, "report_participation",
        "participation by location, ethnicity, migrant status", second));
    queries.add(gateways(gatewaySqlDir, "report_dropped", "drop-off by question", survey));
    queries.add(new Query("answer rows per question", own("answer_funnel"), "bench", survey));
    return queries;
  }

  /** One of the gateway's own report queries, read from its source: what the admin API runs. */
  private static Query gateways(Path dir, String file, String name, Map<String, Object> params) throws IOException {
    Path sql = dir.resolve(file + ".sql");
    if (!Files.exists(sql)) {
      throw new IOException("the gateway's " + file + ".sql is not in " + dir + " (--gateway-sql)");
    }
    return new Query(name, Files.readString(sql, StandardCharsets.UTF_8), "gateway " + file + ".sql", params);
  }

  static String own(String name) throws IOException {
    try (InputStream in = ReportingQueries.class.getResourceAsStream("/reporting/" + name + ".sql")) {
      if (in == null) {
        throw new IOException("missing resource reporting/" + name + ".sql");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code query} {@code times} times, reading every row. */
  static Timing time(Connection c, Query query, int times) throws SQLException {
    NamedSql named = NamedSql.parse(query.sql());
    long[] millis = new long[times];
    int rows = 0;
    for (int t = 0; t < times; t++) {
      long t0 = System.nanoTime();
      try (PreparedStatement st = c.prepareStatement(named.jdbc())) {
        for (int i = 0; i < named.names().size(); i++) {
          Object value = query.params().get(named.names().get(i));
          if (value == null && !query.params().containsKey(named.names().get(i))) {
            throw new SQLException(query.name() + ": no value for :" + named.names().get(i));
          }
          st.setObject(i + 1, value);
        }
        rows = 0;
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
      }
      millis[t] = (System.nanoTime() - t0) / 1_000_000;
    }
    return new Timing(query, millis, rows);
  }
}
