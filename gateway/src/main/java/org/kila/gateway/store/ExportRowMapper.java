package org.kila.gateway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.kila.survey.render.ChannelProfile.Channel;

/** Reads a row of {@code sql/export_sessions.sql}, whose two maps arrive as JSON objects. */
final class ExportRowMapper implements RowMapper<ExportRow> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {};

  @Override
  public ExportRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ExportRow(
        rs.getObject("session_id", UUID.class),
        rs.getObject("respondent_id", UUID.class),
        rs.getInt("survey_version"),
        Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
        rs.getString("aggregator"),
        SessionStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("ended_at")),
        textMap(rs.getString("stratifiers")),
        textMap(rs.getString("answers")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Map<String, String> textMap(String json) throws SQLException {
    try {
      return JSON.readValue(json, TEXT_MAP);
    } catch (JsonProcessingException e) {
      throw new SQLException("export row holds JSON that is not a map of texts: " + e.getOriginalMessage(), e);
    }
  }
}
