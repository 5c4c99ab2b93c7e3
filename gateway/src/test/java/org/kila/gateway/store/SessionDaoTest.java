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
  void anAggregatorSessionIsMappedOnceAndReadBackWithItsSurveySession() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 1);
    SurveySessionRow session = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);

    Optional<Long> id = sessions.insertChannelSession("africastalking", "ATid_1", session.id(), "*384*1#", Fixtures.T0);
    assertTrue(id.isPresent());
    assertEquals(Optional.empty(),
        sessions.insertChannelSession("africastalking", "ATid_1", session.id(), "*384*1#", Fixtures.T0),
        "a second delivery of the first hop maps nothing");

    LockedSession locked = db.jdbi().inTransaction(h -> h.attach(SessionDao.class).lockByChannel("africastalking", "ATid_1"))
        .orElseThrow();
    assertEquals(new ChannelSessionRow(id.get(), "africastalking", "ATid_1", session.id(), "*384*1#", null, null, null,
        false, 0, Fixtures.T0, Fixtures.T0), locked.channel());
    assertEquals(session, Fixtures.withState(locked.session(), session.state()));
    assertEquals(SessionStateJson.read(session.state()), SessionStateJson.read(locked.session().state()),
        "jsonb keeps the state, not its spelling");
    assertEquals(Optional.empty(), sessions.lockByChannel("hubtel", "ATid_1"), "aggregators are apart");
  }

  @Test
  void theLockHoldsASecondDeliveryOfTheSameHopUntilTheFirstCommits() throws Exception {
    UUID respondent = Fixtures.respondent(db.jdbi(), 2);
    SurveySessionRow session = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    long channelId = sessions.insertChannelSession("hubtel", "hub-2", session.id(), "*384*1#", Fixtures.T0).orElseThrow();

    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.jdbi().useTransaction(h -> {
      SessionDao dao = h.attach(SessionDao.class);
      dao.lockByChannel("hubtel", "hub-2").orElseThrow();
      locked.countDown();
      awaitQuietly(release);
      dao.updateChannelSession(channelId, "1", "hop-1", "CON Question 2", false, Fixtures.T0.plusSeconds(1));
    }));
    assertTrue(locked.await(10, TimeUnit.SECONDS));

    // While the first transaction holds the lock, a second one cannot have the row...
    assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useTransaction(h -> {
      h.execute("SET LOCAL lock_timeout = '200ms'");
      h.attach(SessionDao.class).lockByChannel("hubtel", "hub-2");
    }));
    // ...and once it commits, the second one sees what the first one wrote.
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    LockedSession after = db.jdbi().inTransaction(h -> h.attach(SessionDao.class).lockByChannel("hubtel", "hub-2"))
        .orElseThrow();
    assertEquals("hop-1", after.channel().lastHopKey());
    assertEquals("CON Question 2", after.channel().lastReply());
    assertEquals(1, after.channel().hops());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aStepsOutcomeIsStored() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 3);
    SurveySessionRow session = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    String state = Fixtures.state("youth", "q2", Map.of("q1", "2"), Map.of("gender", "female"));
    Instant later = Fixtures.T0.plusSeconds(30);

    assertTrue(sessions.updateSession(session.id(), state, SessionStatus.COMPLETED, null, later, later));

    SurveySessionRow stored = sessions.find(session.id()).orElseThrow();
    assertEquals(SessionStatus.COMPLETED, stored.status());
    assertEquals(later, stored.updatedAt());
    assertEquals(later, stored.endedAt());
    assertEquals(null, stored.currentQuestion());
    SessionState read = SessionStateJson.read(stored.state());
    assertEquals(Map.of("q1", "2"), read.answers());
    assertEquals(Map.of("gender", "female"), read.profile());
  }

  @Test
  void aFinishedSessionMustSayWhenItEnded() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 4);
    SurveySessionRow session = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    assertThrows(UnableToExecuteStatementException.class,
        () -> sessions.updateSession(session.id(), session.state(), SessionStatus.COMPLETED, null, Fixtures.T0, null));
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
    sessions.insertChannelSession("africastalking", "drop-1", active.id(), "*384*1#", Fixtures.T0);
    sessions.insertChannelSession("africastalking", "drop-2", done.id(), "*384*2#", Fixtures.T0);

    assertTrue(sessions.markDropped("africastalking", "drop-1"));
    assertFalse(sessions.markDropped("africastalking", "drop-2"));
    assertFalse(sessions.markDropped("africastalking", "no-such-session"));

    SurveySessionRow dropped = sessions.find(active.id()).orElseThrow();
    assertEquals(SessionStatus.DROPPED, dropped.status());
    assertEquals(Fixtures.T0, dropped.updatedAt(), "the resume window counts from the last hop");
    assertEquals(SessionStatus.COMPLETED, sessions.find(done.id()).orElseThrow().status());
  }

  @Test
  void aResumedSurveySessionCanCarrySeveralAggregatorSessions() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 8);
    SurveySessionRow session = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.DROPPED, Fixtures.T0);
    sessions.insertChannelSession("africastalking", "first-call", session.id(), "*384*1#", Fixtures.T0);
    sessions.insertChannelSession("africastalking", "second-call", session.id(), "*384*1#", Fixtures.T0);
    List<UUID> carried = List.of(
        sessions.lockByChannel("africastalking", "first-call").orElseThrow().session().id(),
        sessions.lockByChannel("africastalking", "second-call").orElseThrow().session().id());
    assertEquals(List.of(session.id(), session.id()), carried);
    assertEquals(Channel.USSD, sessions.find(session.id()).orElseThrow().channel());
  }
}
