package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.engine.SessionState;
import org.kila.survey.render.ChannelProfile.Channel;

class SessionDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  static final Duration WINDOW = Duration.ofHours(24);
  final SessionDao sessions = db.dao(SessionDao.class);

  @BeforeAll
  static void survey() {
    Fixtures.launchedSurvey(db.jdbi(), "youth", 1, "*384*1#");
    Fixtures.launchedSurvey(db.jdbi(), "health", 1, "*384*2#");
  }

  @Test
  void resumeFindsTheLatestUnfinishedSessionOfThatSurveyWithinTheWindow() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 5);
    Instant now = Fixtures.T0.plus(Duration.ofDays(3));
    Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.DROPPED, now.minus(Duration.ofHours(30)));
    SurveySessionRow recent = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.DROPPED,
        now.minus(Duration.ofHours(2)));
    Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.COMPLETED, now.minus(Duration.ofHours(1)));
    Fixtures.insertSession(db.jdbi(), respondent, "health", SessionStatus.ACTIVE, now.minus(Duration.ofMinutes(5)));

    Optional<SurveySessionRow> found = db.jdbi().inTransaction(
        h -> h.attach(SessionDao.class).findResumable(respondent, "youth", now.minus(WINDOW)));
    assertEquals(Optional.of(recent.id()), found.map(SurveySessionRow::id));

    assertEquals(Optional.empty(), sessions.findResumable(respondent, "youth", now.minus(Duration.ofHours(1))),
        "outside the window");
    assertEquals(Optional.empty(), sessions.findResumable(Fixtures.respondent(db.jdbi(), 6), "youth", now.minus(WINDOW)),
        "someone else's");
  }

  @Test
  void everyResumableStatusResumesAndNoFinishedOneDoes() {
    for (SessionStatus status : SessionStatus.values()) {
      UUID respondent = Fixtures.respondent(db.jdbi(), 100 + status.ordinal());
      Fixtures.insertSession(db.jdbi(), respondent, "youth", status, Fixtures.T0);
      assertEquals(status.resumable(),
          sessions.findResumable(respondent, "youth", Fixtures.T0.minusSeconds(1)).isPresent(), status.name());
    }
  }

  @Test
  void anEndNoticeDropsAnActiveSessionButNotAFinishedOne() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 7);
    SurveySessionRow active = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    SurveySessionRow done = Fixtures.insertSession(db.jdbi(), respondent, "health", SessionStatus.COMPLETED, Fixtures.T0);
    mapChannel("drop-1", active.id());
    mapChannel("drop-2", done.id());

    assertTrue(sessions.markDropped("africastalking", "drop-1"));
    assertFalse(sessions.markDropped("africastalking", "drop-2"));
    assertFalse(sessions.markDropped("africastalking", "no-such-session"));

    SurveySessionRow dropped = sessions.find(active.id()).orElseThrow();
    assertEquals(SessionStatus.DROPPED, dropped.status());
    assertEquals(Fixtures.T0, dropped.updatedAt(), "the resume window counts from the last hop");
    assertEquals(SessionStatus.COMPLETED, sessions.find(done.id()).orElseThrow().status());
  }

  private static void mapChannel(String externalId, UUID sessionId) {
    db.jdbi().useHandle(h -> h.createUpdate("""
        INSERT INTO channel_session (aggregator, external_id, session_id, service_code, created_at, updated_at)
        VALUES ('africastalking', :externalId, :sessionId, '*384*1#', now(), now())""")
        .bind("externalId", externalId).bind("sessionId", sessionId).execute());
  }

  @Test
  void aFinishedSessionMustSayWhenItEnded() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 4);
    SurveySessionRow session = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    assertThrows(UnableToExecuteStatementException.class,
        () -> sessions.advance(session.id(), session.state(), SessionStatus.COMPLETED, null, Fixtures.T0, null));
  }
}
