package org.kila.bench.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void namesBecomeQuestionMarksInOrderAndCastsStay() {
    NamedSql sql = NamedSql.parse("SELECT (started_at AT TIME ZONE 'UTC')::date FROM s WHERE a = :surveyId "
        + "AND (:version = 0 OR v = :version)");
    assertEquals("SELECT (started_at AT TIME ZONE 'UTC')::date FROM s WHERE a = ? AND (? = 0 OR v = ?)", sql.jdbc());
    assertEquals(List.of("surveyId", "version", "version"), sql.names());
  }

  @Test
  void quotedTextAndCommentsAreLeftAlone() {
    NamedSql sql = NamedSql.parse("-- the API's tally, :notAParameter\nSELECT ':x', 'it''s :y' WHERE k = :key1");
    assertEquals(List.of("key1"), sql.names());
    assertEquals("-- the API's tally, :notAParameter\nSELECT ':x', 'it''s :y' WHERE k = ?", sql.jdbc());
  }
}
