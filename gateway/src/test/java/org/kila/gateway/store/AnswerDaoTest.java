package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;

class AnswerDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  final AnswerDao answers = db.dao(AnswerDao.class);
  SurveySessionRow session;

  @BeforeAll
  static void survey() {
    Fixtures.launchedSurvey(db.jdbi(), "youth", 1, "*384*1#");
  }

  @BeforeEach
  void session() {
    session = Fixtures.insertSession(db.jdbi(), Fixtures.respondent(db.jdbi(), 1), "youth", SessionStatus.ACTIVE,
        Fixtures.T0);
  }

  AnswerRow answer(String questionId, String value, int hopSeq) {
    return new AnswerRow(session.id(), questionId, value, false, hopSeq, Fixtures.T0.plusSeconds(hopSeq));
  }

  @Test
  void aRetriedHopStoresItsAnswersOnce() {
    List<AnswerRow> hop = List.of(answer("gender", "female", 1), new AnswerRow(session.id(), "age_band", "15-19", true, 1,
        Fixtures.T0.plusSeconds(1)));
    assertEquals(2, answers.insert(hop));
    assertEquals(0, answers.insert(hop), "the retry is a no-op");
    assertEquals(hop, answers.forSession(session.id()));
  }

  @Test
  void aChangedAnswerAfterBackIsANewRowAndTheOldOneStays() {
    answers.insert(List.of(answer("q_change", "1", 10)));
    answers.insert(List.of(answer("q_change", "2", 12)));
    List<String> values = answers.forSession(session.id()).stream().map(AnswerRow::value).toList();
    assertEquals(List.of("1", "2"), values);
  }

  @Test
  void answersCannotBeChangedOrDeleted() {
    answers.insert(List.of(answer("q_fixed", "3", 20)));
    UnableToExecuteStatementException update = assertThrows(UnableToExecuteStatementException.class,
        () -> db.jdbi().useHandle(h -> h.execute("UPDATE answer SET value = 'x' WHERE question_id = 'q_fixed'")));
    assertTrue(update.getMessage().contains("answers are append-only"), update.getMessage());
    assertThrows(UnableToExecuteStatementException.class,
        () -> db.jdbi().useHandle(h -> h.execute("DELETE FROM answer WHERE question_id = 'q_fixed'")));
  }

  @Test
  void nothingToInsertIsZero() {
    assertEquals(0, answers.insert(List.of()));
  }
}
