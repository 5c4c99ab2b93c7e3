package org.kila.bench.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.bench.load.Respondent;

/**
 * Reads back, with plain JDBC, what the gateway stored for one scenario's aggregator sessions (found by
 * their id prefix), and runs {@link AnswerCheck} on it.
 */
public final class StoredAnswers {
  private final String url;
  private final String user;

  public StoredAnswers(String url, String user) {
    this.url = url;
    this.user = user;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** Checks the respondents of the scenario whose session ids start with {@code prefix}. */
  public AnswerCheck.Result check(String prefix, List<Respondent> respondents) throws SQLException {
    Map<String, String> sessionOf = new HashMap<>();
    Map<String, List<AnswerCheck.Stored>> answersOf = new HashMap<>();
    String like = prefix.replace("_", "\\_") + "-%";
    try (Connection c = connect()) {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT external_id, session_id::text FROM channel_session WHERE aggregator = 'africastalking' "
              + "AND external_id LIKE ?")) {
        st.setString(1, like);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            sessionOf.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      try (PreparedStatement st = c.prepareStatement("""
          SELECT a.session_id::text, a.question_id, a.value FROM answer a
           WHERE a.session_id IN (SELECT session_id FROM channel_session
                                   WHERE aggregator = 'africastalking' AND external_id LIKE ?)""")) {
        st.setString(1, like);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            answersOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new AnswerCheck.Stored(rs.getString(2), rs.getString(3)));
          }
        }
      }
    }
    return AnswerCheck.compare(respondents, sessionOf, answersOf);
  }

  /** Every answer row in the database: a late replay must not change it. */
  public long countAnswers() throws SQLException {
    try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT count(*) FROM answer");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
