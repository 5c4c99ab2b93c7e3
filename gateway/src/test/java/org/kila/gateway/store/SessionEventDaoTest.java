package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;

class SessionEventDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void everyKindOfEventIsKeptInOrder() {
    Fixtures.launchedSurvey(db.jdbi(), "youth", 1, "*384*1#");
    UUID session = Fixtures.insertSession(db.jdbi(), Fixtures.respondent(db.jdbi(), 1), "youth", SessionStatus.ACTIVE,
        Fixtures.T0).id();
    List<SessionEventRow> events = List.of(
        new SessionEventRow(session, SessionEventKind.INVALID_ANSWER, "age", "not a number", Fixtures.T0),
        new SessionEventRow(session, SessionEventKind.DUPLICATE_HOP, null, null, Fixtures.T0.plusSeconds(1)),
        new SessionEventRow(session, SessionEventKind.TIMEOUT, "age", null, Fixtures.T0.plusSeconds(2)),
        new SessionEventRow(session, SessionEventKind.GAVE_UP, "age", null, Fixtures.T0.plusSeconds(3)));
    SessionEventDao dao = db.dao(SessionEventDao.class);
    dao.record(events);
    dao.record(List.of());
    assertEquals(events, dao.forSession(session));
    assertEquals("invalid_answer", db.jdbi().withHandle(h -> h.createQuery(
        "SELECT kind FROM session_event WHERE question_id = 'age' ORDER BY id LIMIT 1").mapTo(String.class).one()),
        "stored as the CHECK constraint lists it");
  }
}
