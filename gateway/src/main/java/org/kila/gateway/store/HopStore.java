package org.kila.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.kila.survey.engine.QuotaCounts;

/**
 * The USSD hop's reads and writes in plain JDBC, on a connection in auto-commit: one statement to read the
 * aggregator session and its survey session, one statement to store everything the step produced. Between
 * the two, the engine runs without a lock held; the write only applies if the survey session's hop counter
 * is still the one read ({@code hops = ?}), so a concurrent hop of the same session (an aggregator's retry
 * racing its original, a resumed dial) makes it store nothing and the caller reads again.
 *
 * <p>Why not the Jdbi DAOs used elsewhere: a hop is the gateway's hottest path, and the benchmark
 * ({@code ops/bench}) measured a third of a hop's CPU in Jdbi's per-statement mapping and binding, and half of
 * PostgreSQL's in the five statements (begin, lock, three writes, commit) the hop used to send. Every part
 * of the write is one data-modifying {@code WITH} clause of a single statement, so it commits, or not, as one.
 */
public final class HopStore {
  private HopStore() {}

  /** Everything one step stores besides the hop's reply; lists may be empty. */
  public record Write(String stateJson, SessionStatus status, String currentQuestion, Instant endedAt,
      List<Answer> answers, Map<String, String> profile, List<QuotaCell> cells, List<Quality> quality) {}

  public record Answer(String questionId, String value, boolean carriedOver) {}

  public record QuotaCell(String quotaId, String stratumKey) {}

  public record Quality(SessionEventKind kind, String questionId, String detail) {}

  /** What the hop replied, kept on the aggregator session so that a retry gets it again. */
  public record Reply(String input, String hopKey, String screen, boolean ends) {}

  private static final String READ = """
      SELECT c.id, c.last_input, c.last_hop_key, c.last_reply, c.last_reply_ends,
             s.id, s.survey_id, s.survey_version, s.respondent_id, s.state::text, s.current_question, s.hops
        FROM channel_session c
        JOIN survey_session s ON s.id = c.session_id
       WHERE c.aggregator = ? AND c.external_id = ?""";

  public static Optional<OpenHop> read(Connection c, String aggregator, String externalId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(READ)) {
      st.setString(1, aggregator);
      st.setString(2, externalId);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new OpenHop(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getInt(8), rs.getObject(9, UUID.class),
            rs.getString(10), rs.getString(11), rs.getInt(12)));
      }
    }
  }

  /**
   * Stores a step of the hop read as {@code open}, and what it replied, in one statement that commits on its
   * own (the connection is in auto-commit). Returns the session's new hop number (the answers' {@code hop_seq}),
   * or empty when another hop of the session was stored since {@code open} was read: then nothing was stored.
   */
  public static OptionalInt write(Connection c, OpenHop open, Write w, Reply reply, Instant now) throws SQLException {
    OffsetDateTime at = utc(now);
    Sql sql = new Sql(c);
    sql.add("""
        WITH s AS (
          UPDATE survey_session
             SET state = CAST(? AS jsonb), status = ?, current_question = ?, updated_at = ?,
                 ended_at = COALESCE(ended_at, ?), hops = hops + 1
           WHERE id = ? AND hops = ?
          RETURNING id, respondent_id, hops),
        c AS (
          UPDATE channel_session
             SET last_input = ?, last_hop_key = ?, last_reply = ?, last_reply_ends = ?, hops = channel_session.hops + 1,
                 updated_at = ?
            FROM s
           WHERE channel_session.id = ?)""",
        w.stateJson(), status(w.status()), w.currentQuestion(), at, w.endedAt() == null ? NULL_TIME : utc(w.endedAt()),
        open.sessionId(), open.hops(),
        reply.input(), reply.hopKey(), reply.screen(), reply.ends(), at, open.channelId());
    addStepParts(sql, open.surveyId(), w, at);
    sql.add("\nSELECT hops FROM s");
    try (PreparedStatement st = sql.prepare(); ResultSet rs = st.executeQuery()) {
      return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
    }
  }

  /** The survey session a first hop continues: a new one, or a resumable one locked by {@link #findResumable}. */
  public sealed interface StartOf permits Fresh, Resumed {}

  public record Fresh(UUID sessionId, String surveyId, int surveyVersion, UUID respondentId, String aggregator)
      implements StartOf {}

  public record Resumed(Stored session) implements StartOf {}

  /** The aggregator session a first hop opens. */
  public record Channel(String aggregator, String externalId, String serviceCode) {}

  /**
   * Stores the first hop of an aggregator session: the survey session it starts or resumes with the step's
   * writes, and the aggregator session with the reply, in one statement. Run it in the transaction that
   * read the resumed session. False when the aggregator session was created meanwhile by another copy of
   * the same hop: then the caller rolls back and answers that hop as a retry.
   */
  public static boolean start(Connection c, StartOf of, Write w, Channel channel, Reply reply, Instant now)
      throws SQLException {
    OffsetDateTime at = utc(now);
    Object ended = w.endedAt() == null ? NULL_TIME : utc(w.endedAt());
    Sql sql = new Sql(c);
    String surveyId;
    if (of instanceof Fresh f) {
      surveyId = f.surveyId();
      sql.add("""
          WITH s AS (
            INSERT INTO survey_session (id, survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                                        current_question, started_at, updated_at, ended_at, hops)
            VALUES (?, ?, ?, ?, 'ussd', ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, 1)
            RETURNING id, respondent_id, hops)""",
          f.sessionId(), f.surveyId(), f.surveyVersion(), f.respondentId(), f.aggregator(), status(w.status()),
          w.stateJson(), w.currentQuestion(), at, at, ended);
    } else {
      Stored r = ((Resumed) of).session();
      surveyId = r.surveyId();
      sql.add("""
          WITH s AS (
            UPDATE survey_session
               SET state = CAST(? AS jsonb), status = ?, current_question = ?, updated_at = ?,
                   ended_at = COALESCE(ended_at, ?), hops = hops + 1
             WHERE id = ?
            RETURNING id, respondent_id, hops)""",
          w.stateJson(), status(w.status()), w.currentQuestion(), at, ended, r.id());
    }
    sql.add("""
        ,
        c AS (
          INSERT INTO channel_session (aggregator, external_id, session_id, service_code, last_input, last_hop_key,
                                       last_reply, last_reply_ends, hops, created_at, updated_at)
          SELECT ?, ?, s.id, ?, ?, ?, ?, ?, 1, ?, ? FROM s
          ON CONFLICT (aggregator, external_id) DO NOTHING
          RETURNING id)""",
        channel.aggregator(), channel.externalId(), channel.serviceCode(), reply.input(), reply.hopKey(),
        reply.screen(), reply.ends(), at, at);
    addStepParts(sql, surveyId, w, at);
    sql.add("\nSELECT count(*) FROM c");
    try (PreparedStatement st = sql.prepare(); ResultSet rs = st.executeQuery()) {
      return rs.next() && rs.getLong(1) == 1;
    }
  }

  /**
   * Opens an aggregator session on a finished survey session without changing it (the respondent is thanked
   * again); false when that aggregator session exists already.
   */
  public static boolean reopenFinished(Connection c, UUID sessionId, Channel channel, Reply reply, Instant now)
      throws SQLException {
    OffsetDateTime at = utc(now);
    Sql sql = new Sql(c);
    sql.add("""
        INSERT INTO channel_session (aggregator, external_id, session_id, service_code, last_input, last_hop_key,
                                     last_reply, last_reply_ends, hops, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
        ON CONFLICT (aggregator, external_id) DO NOTHING""",
        channel.aggregator(), channel.externalId(), sessionId, channel.serviceCode(), reply.input(), reply.hopKey(),
        reply.screen(), reply.ends(), at, at);
    try (PreparedStatement st = sql.prepare()) {
      return st.executeUpdate() == 1;
    }
  }

  /** The answers, profile values, quota counts and quality events of a step, each part only when it has rows. */
  private static void addStepParts(Sql sql, String surveyId, Write w, OffsetDateTime at) throws SQLException {
    if (!w.answers().isEmpty()) {
      int n = w.answers().size();
      String[] questions = new String[n];
      String[] values = new String[n];
      Boolean[] carried = new Boolean[n];
      for (int k = 0; k < n; k++) {
        Answer a = w.answers().get(k);
        questions[k] = a.questionId();
        values[k] = a.value();
        carried[k] = a.carriedOver();
      }
      sql.add("""
          ,
          a AS (
            INSERT INTO answer (session_id, question_id, value, carried_over, hop_seq, answered_at)
            SELECT s.id, x.q, x.v, x.c, s.hops, ? FROM s, unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[])) AS x(q, v, c)
            ON CONFLICT (session_id, question_id, hop_seq) DO NOTHING)""",
          at, sql.array("text", questions), sql.array("text", values), sql.array("boolean", carried));
    }
    if (!w.profile().isEmpty()) {
      sql.add("""
          ,
          p AS (
            INSERT INTO respondent_profile (respondent_id, profile_key, value, session_id, updated_at)
            SELECT s.respondent_id, x.k, x.v, s.id, ? FROM s, unnest(CAST(? AS text[]), CAST(? AS text[])) AS x(k, v)
            ON CONFLICT (respondent_id, profile_key)
            DO UPDATE SET value = EXCLUDED.value, session_id = EXCLUDED.session_id, updated_at = EXCLUDED.updated_at)""",
          at, sql.array("text", w.profile().keySet().toArray(new String[0])),
          sql.array("text", w.profile().values().toArray(new String[0])));
    }
    if (!w.cells().isEmpty()) {
      sql.add("""
          ,
          q AS (
            INSERT INTO quota_count (survey_id, quota_id, stratum_key, completed)
            SELECT ?, x.q, x.k, 1 FROM s, unnest(CAST(? AS text[]), CAST(? AS text[])) AS x(q, k)
            ON CONFLICT (survey_id, quota_id, stratum_key) DO UPDATE SET completed = quota_count.completed + 1)""",
          surveyId, sql.array("text", w.cells().stream().map(QuotaCell::quotaId).toArray(String[]::new)),
          sql.array("text", w.cells().stream().map(QuotaCell::stratumKey).toArray(String[]::new)));
    }
    if (!w.quality().isEmpty()) {
      sql.add("""
          ,
          e AS (
            INSERT INTO session_event (session_id, kind, question_id, detail, occurred_at)
            SELECT s.id, x.k, x.q, x.d, ? FROM s, unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS x(k, q, d))""",
          at, sql.array("text", w.quality().stream().map(q -> q.kind().name().toLowerCase(Locale.ROOT)).toArray(String[]::new)),
          sql.array("text", w.quality().stream().map(Quality::questionId).toArray(String[]::new)),
          sql.array("text", w.quality().stream().map(Quality::detail).toArray(String[]::new)));
    }
  }

  /** A statement being put together with its parameters, in order. */
  private static final class Sql {
    private final Connection c;
    private final StringBuilder text = new StringBuilder(1024);
    private final List<Object> params = new ArrayList<>(24);

    Sql(Connection c) {
      this.c = c;
    }

    void add(String part, Object... values) {
      text.append(part);
      params.addAll(Arrays.asList(values));
    }

    java.sql.Array array(String type, Object[] values) throws SQLException {
      return c.createArrayOf(type, values);
    }

    PreparedStatement prepare() throws SQLException {
      PreparedStatement st = c.prepareStatement(text.toString());
      try {
        for (int i = 0; i < params.size(); i++) {
          Object v = params.get(i);
          if (v == null) {
            st.setNull(i + 1, Types.VARCHAR);
          } else if (v == NULL_TIME) {
            st.setNull(i + 1, Types.TIMESTAMP_WITH_TIMEZONE);
          } else if (v instanceof java.sql.Array a) {
            st.setArray(i + 1, a);
          } else {
            st.setObject(i + 1, v);
          }
        }
        return st;
      } catch (SQLException | RuntimeException e) {
        st.close();
        throw e;
      }
    }
  }

  /** A null timestamp parameter (a plain null would leave its type to the server to guess). */
  private static final Object NULL_TIME = new Object();

  private static String status(SessionStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** A survey session as a first hop finds it (resumable or finished). */
  public record Stored(UUID id, String surveyId, int surveyVersion, String state, int hops) {}

  private static final String UPSERT_RESPONDENT = """
      INSERT INTO respondent (phone_hash, phone_enc) VALUES (?, ?)
      ON CONFLICT (phone_hash) DO UPDATE SET phone_enc = EXCLUDED.phone_enc
      RETURNING id""";

  /** See {@code RespondentDao.upsert}: the respondent with this phone hash, keeping the newest encrypted number. */
  public static UUID upsertRespondent(Connection c, byte[] phoneHash, byte[] phoneEnc) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(UPSERT_RESPONDENT)) {
      st.setBytes(1, phoneHash);
      st.setBytes(2, phoneEnc);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  /** The hop path's columns, then SessionDao's own choice of session, its named parameters made positional. */
  private static final String RESUMABLE = "SELECT id, survey_id, survey_version, state::text, hops "
      + positional(SessionDao.RESUMABLE);

  /** See {@code SessionDao.findResumable}: locked until the transaction ends. */
  public static Optional<Stored> findResumable(Connection c, UUID respondentId, String surveyId, Instant since)
      throws SQLException {
    return stored(c, RESUMABLE, respondentId, surveyId, utc(since));
  }

  private static final String FINISHED = "SELECT id, survey_id, survey_version, state::text, hops "
      + positional(SessionDao.FINISHED);

  /** {@code :name} to {@code ?}, in order: the clauses above name their parameters in the order they are bound. */
  static String positional(String named) {
    return named.replaceAll("(?<!:):[a-zA-Z]+", "?");
  }

  /** See {@code SessionDao.findFinished}. */
  public static Optional<Stored> findFinished(Connection c, UUID respondentId, String surveyId, int version)
      throws SQLException {
    return stored(c, FINISHED, respondentId, surveyId, version);
  }

  private static Optional<Stored> stored(Connection c, String query, Object... params) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next()
            ? Optional.of(new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)))
            : Optional.empty();
      }
    }
  }

  private static final String PROFILE = "SELECT profile_key, value FROM respondent_profile WHERE respondent_id = ?";

  /** See {@code ProfileDao.load}. */
  public static Map<String, String> profile(Connection c, UUID respondentId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(PROFILE)) {
      st.setObject(1, respondentId);
      try (ResultSet rs = st.executeQuery()) {
        Map<String, String> profile = new HashMap<>();
        while (rs.next()) {
          profile.put(rs.getString(1), rs.getString(2));
        }
        return profile;
      }
    }
  }

  private static final String DUPLICATE = """
      INSERT INTO session_event (session_id, kind, question_id, detail, occurred_at) VALUES (?, ?, ?, ?, ?)""";

  /** Notes that a hop already answered came again (a retry, or a late copy), for the data-quality figures. */
  public static void duplicateHop(Connection c, OpenHop open, String aggregator, Instant now) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(DUPLICATE)) {
      st.setObject(1, open.sessionId());
      st.setString(2, SessionEventKind.DUPLICATE_HOP.name().toLowerCase(Locale.ROOT));
      st.setString(3, open.currentQuestion());
      st.setString(4, aggregator);
      st.setObject(5, utc(now));
      st.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static final String QUOTA_COUNT = """
      SELECT completed FROM quota_count WHERE survey_id = ? AND quota_id = ? AND stratum_key = ?""";

  /** The engine's quota port on {@code c}, read when the engine asks (most hops never do). */
  public static QuotaCounts quotas(Connection c, String surveyId) {
    return (quotaId, stratumKey) -> {
      try (PreparedStatement st = c.prepareStatement(QUOTA_COUNT)) {
        st.setString(1, surveyId);
        st.setString(2, quotaId);
        st.setString(3, stratumKey);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not read quota " + quotaId + " of survey " + surveyId, e);
      }
    };
  }
}
