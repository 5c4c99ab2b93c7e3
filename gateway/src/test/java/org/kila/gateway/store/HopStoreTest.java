package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;

/**
 * The hop's two statements: what a first hop stores, what a later hop stores, and that a hop whose session
 * moved on since it was read stores nothing at all (the caller reads again).
 */
class HopStoreTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  static final Instant T0 = Fixtures.T0;
  static final Instant T1 = T0.plusSeconds(20);

  @BeforeAll
  static void survey() {
    Fixtures.launchedSurvey(db.jdbi(), "youth", 1, "*384*1#");
  }

  static HopStore.Write step(String question, List<HopStore.Answer> answers) {
    return new HopStore.Write(Fixtures.state("youth", question, Map.of(), Map.of()), SessionStatus.ACTIVE, question,
        null, answers, Map.of(), List.of(), List.of());
  }

  static HopStore.Channel channel(String externalId) {
    return new HopStore.Channel("africastalking", externalId, "*384*1#");
  }

  /** Starts a fresh survey session on aggregator session {@code externalId}; returns the session id. */
  static UUID started(Connection c, UUID respondent, String externalId) throws SQLException {
    UUID id = UUID.randomUUID();
    assertTrue(HopStore.start(c, new HopStore.Fresh(id, "youth", 1, respondent, "africastalking"),
        step("q1", List.of()), channel(externalId), new HopStore.Reply("", "h0", "CON Question 1", false), T0));
    return id;
  }

  long count(String sql, Object... params) {
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < params.length; i++) {
        q.bind(i, params[i]);
      }
      return q.mapTo(Long.class).one();
    });
  }

  @Test
  void aFirstHopStoresTheSessionAndTheReplyAndIsReadBack() throws Exception {
    UUID respondent = Fixtures.respondent(db.jdbi(), 21);
    try (Connection c = db.database().dataSource().getConnection()) {
      UUID id = started(c, respondent, "first-1");
      OpenHop open = HopStore.read(c, "africastalking", "first-1").orElseThrow();
      assertEquals(id, open.sessionId());
      assertEquals(respondent, open.respondentId());
      assertEquals("youth", open.surveyId());
      assertEquals(1, open.hops(), "the first hop is hop 1");
      assertEquals("h0", open.lastHopKey());
      assertEquals("CON Question 1", open.lastReply());
      assertFalse(open.lastReplyEnds());
      assertEquals("q1", open.currentQuestion());
      assertEquals(Optional.empty(), HopStore.read(c, "hubtel", "first-1"), "aggregators are apart");

      // Another copy of the same first hop maps nothing and, rolled back, leaves no second session behind.
      c.setAutoCommit(false);
      assertFalse(HopStore.start(c, new HopStore.Fresh(UUID.randomUUID(), "youth", 1, respondent, "africastalking"),
          step("q1", List.of()), channel("first-1"), new HopStore.Reply("", "h0", "CON Question 1", false), T0));
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(1, count("SELECT count(*) FROM survey_session WHERE respondent_id = ?", respondent));
    }
  }

  @Test
  void aLaterHopStoresItsAnswersUnderTheNewHopNumberAndItsReply() throws Exception {
    UUID respondent = Fixtures.respondent(db.jdbi(), 22);
    try (Connection c = db.database().dataSource().getConnection()) {
      UUID id = started(c, respondent, "later-1");
      OpenHop open = HopStore.read(c, "africastalking", "later-1").orElseThrow();
      Map<String, String> profile = new TreeMap<>(Map.of("gender", "female", "age_band", "15-19"));
      HopStore.Write w = new HopStore.Write(Fixtures.state("youth", "q2", Map.of("q1", "2"), profile),
          SessionStatus.ACTIVE, "q2", null, List.of(new HopStore.Answer("q1", "2", false)), profile,
          List.of(new HopStore.QuotaCell("by_gender", "female")),
          List.of(new HopStore.Quality(SessionEventKind.INVALID_ANSWER, "q1", "choose 1-3")));

      assertEquals(OptionalInt.of(2), HopStore.write(c, open, w, new HopStore.Reply("2", "h1", "CON Question 2", false), T1));

      OpenHop after = HopStore.read(c, "africastalking", "later-1").orElseThrow();
      assertEquals(2, after.hops());
      assertEquals("2", after.lastInput());
      assertEquals("h1", after.lastHopKey());
      assertEquals("CON Question 2", after.lastReply());
      assertEquals("q2", after.currentQuestion());
      assertEquals(1, count("SELECT count(*) FROM answer WHERE session_id = ? AND question_id = 'q1' AND value = '2' AND hop_seq = 2", id));
      assertEquals(2, count("SELECT count(*) FROM respondent_profile WHERE respondent_id = ? AND session_id = ?", respondent, id));
      assertEquals(1, count("SELECT completed FROM quota_count WHERE survey_id = 'youth' AND quota_id = 'by_gender' AND stratum_key = 'female'"));
      assertEquals(1, count("SELECT count(*) FROM session_event WHERE session_id = ? AND kind = 'invalid_answer' AND detail = 'choose 1-3'", id));
      assertEquals(2, count("SELECT hops FROM channel_session WHERE external_id = 'later-1'"));
    }
  }

  @Test
  void aHopWhoseSessionMovedOnSinceItWasReadStoresNothing() throws Exception {
    UUID respondent = Fixtures.respondent(db.jdbi(), 23);
    try (Connection c = db.database().dataSource().getConnection()) {
      UUID id = started(c, respondent, "race-1");
      OpenHop stale = HopStore.read(c, "africastalking", "race-1").orElseThrow();
      assertTrue(HopStore.write(c, stale, step("q2", List.of(new HopStore.Answer("q1", "1", false))),
          new HopStore.Reply("1", "h1", "CON Question 2", false), T1).isPresent());

      OptionalInt second = HopStore.write(c, stale, step("q2", List.of(new HopStore.Answer("q1", "3", false))),
          new HopStore.Reply("3", "h1-again", "CON Question 2 (again)", false), T1);

      assertEquals(OptionalInt.empty(), second);
      assertEquals(1, count("SELECT count(*) FROM answer WHERE session_id = ?", id), "only the first hop's answer");
      OpenHop now = HopStore.read(c, "africastalking", "race-1").orElseThrow();
      assertEquals("h1", now.lastHopKey(), "the reply a retry gets is the first hop's");
      assertEquals(2, now.hops());
    }
  }

  @Test
  void twoHopsRacingFromOneReadStoreExactlyOnce() throws Exception {
    UUID respondent = Fixtures.respondent(db.jdbi(), 24);
    try (Connection a = db.database().dataSource().getConnection();
         Connection b = db.database().dataSource().getConnection()) {
      UUID id = started(a, respondent, "race-2");
      OpenHop read = HopStore.read(a, "africastalking", "race-2").orElseThrow();
      // The first write holds its row until it commits; the second waits for it, then finds the session
      // moved on.
      a.setAutoCommit(false);
      assertTrue(HopStore.write(a, read, step("q2", List.of(new HopStore.Answer("q1", "1", false))),
          new HopStore.Reply("1", "h1", "CON Question 2", false), T1).isPresent());
      CompletableFuture<OptionalInt> racing = CompletableFuture.supplyAsync(() -> {
        try {
          return HopStore.write(b, read, step("q2", List.of(new HopStore.Answer("q1", "1", false))),
              new HopStore.Reply("1", "h1", "CON Question 2", false), T1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(200);
      assertFalse(racing.isDone(), "the second write waits for the first");
      a.commit();
      a.setAutoCommit(true);
      assertEquals(OptionalInt.empty(), racing.get(10, TimeUnit.SECONDS));
      assertEquals(1, count("SELECT count(*) FROM answer WHERE session_id = ?", id));
    }
  }

  @Test
  void aResumedSurveySessionCarriesANewAggregatorSession() throws Exception {
    UUID respondent = Fixtures.respondent(db.jdbi(), 25);
    try (Connection c = db.database().dataSource().getConnection()) {
      UUID id = started(c, respondent, "call-1");
      c.setAutoCommit(false);
      HopStore.Stored resumable = HopStore.findResumable(c, respondent, "youth", T0.minusSeconds(60)).orElseThrow();
      assertEquals(id, resumable.id());
      assertTrue(HopStore.start(c, new HopStore.Resumed(resumable), step("q1", List.of()), channel("call-2"),
          new HopStore.Reply("", "h0", "CON Question 1", false), T1));
      c.commit();
      c.setAutoCommit(true);
      assertEquals(id, HopStore.read(c, "africastalking", "call-2").orElseThrow().sessionId());
      assertEquals(2, HopStore.read(c, "africastalking", "call-1").orElseThrow().hops(),
          "the old aggregator session sees the survey session moved on");
      assertEquals(Optional.empty(), HopStore.findResumable(c, respondent, "youth", T1.plusSeconds(1)),
          "outside the window");
      assertEquals(Optional.empty(), HopStore.findFinished(c, respondent, "youth", 1));
    }
  }

  @Test
  void aFinishedSessionIsReopenedOnANewAggregatorSessionWithoutChange() throws Exception {
    UUID respondent = Fixtures.respondent(db.jdbi(), 26);
    SurveySessionRow done = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.COMPLETED, T0);
    try (Connection c = db.database().dataSource().getConnection()) {
      assertEquals(done.id(), HopStore.findFinished(c, respondent, "youth", 1).orElseThrow().id());
      assertTrue(HopStore.reopenFinished(c, done.id(), channel("again-1"),
          new HopStore.Reply("", "h0", "END Thank you", true), T1));
      assertFalse(HopStore.reopenFinished(c, done.id(), channel("again-1"),
          new HopStore.Reply("", "h0", "END Thank you", true), T1), "mapped once");
      OpenHop open = HopStore.read(c, "africastalking", "again-1").orElseThrow();
      assertTrue(open.lastReplyEnds());
      assertEquals(0, open.hops(), "the finished session is not touched");
    }
  }
}
