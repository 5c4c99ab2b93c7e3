package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.render.ChannelProfile.Channel;

class ExportDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void oneRowPerSessionWithItsStratifiersAndLatestAnswers() {
    Fixtures.launchedSurvey(db.jdbi(), "youth", 1, "*384*1#");
    Fixtures.launchedSurvey(db.jdbi(), "health", 1, "*384*2#");
    UUID amina = Fixtures.respondent(db.jdbi(), 1);
    UUID baraka = Fixtures.respondent(db.jdbi(), 2);
    SessionDao sessions = db.dao(SessionDao.class);
    AnswerDao answers = db.dao(AnswerDao.class);

    SurveySessionRow completed = Fixtures.insertSession(db.jdbi(), amina, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    Instant end = Fixtures.T0.plusSeconds(90);
    sessions.advance(completed.id(),
        Fixtures.state("youth", null, Map.of("gender", "female", "q1", "2"), Map.of("gender", "female")),
        SessionStatus.COMPLETED, null, end, end);
    answers.insert(List.of(
        new AnswerRow(completed.id(), "gender", "female", false, 1, Fixtures.T0),
        new AnswerRow(completed.id(), "q1", "1", false, 2, Fixtures.T0),
        new AnswerRow(completed.id(), "q1", "2", false, 4, Fixtures.T0))); // changed after Back

    SurveySessionRow dropped = Fixtures.insertSession(db.jdbi(), baraka, "youth", SessionStatus.DROPPED,
        Fixtures.T0.plusSeconds(300));
    Fixtures.insertSession(db.jdbi(), amina, "health", SessionStatus.ACTIVE, Fixtures.T0);

    List<ExportRow> rows = new ArrayList<>();
    db.dao(ExportDao.class).forEachSession("youth", 0, rows::add);

    assertEquals(List.of(
        new ExportRow(completed.id(), amina, 1, Channel.USSD, "africastalking", SessionStatus.COMPLETED,
            completed.startedAt(), end, Map.of("gender", "female"), Map.of("gender", "female", "q1", "2")),
        new ExportRow(dropped.id(), baraka, 1, Channel.USSD, "africastalking", SessionStatus.DROPPED,
            dropped.startedAt(), null, Map.of(), Map.of())), rows);
  }

  @Test
  void aSurveyWithoutSessionsExportsNothing() {
    List<ExportRow> rows = new ArrayList<>();
    db.dao(ExportDao.class).forEachSession("nobody-answered", 0, rows::add);
    assertEquals(List.of(), rows);
  }
}
