package org.kila.gateway.session;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ArrayList;
import javax.sql.DataSource;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import java.util.List;
import java.util.Locale;
import org.kila.gateway.channel.EndStatus;
import org.kila.gateway.channel.HopKind;
import org.kila.gateway.channel.InputMode;
import org.kila.gateway.channel.UssdHop;
import org.kila.gateway.channel.UssdReply;
import org.kila.gateway.channel.UssdSessionEnd;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Availability;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.store.HopStore;
import org.kila.gateway.store.OpenHop;
import org.kila.gateway.store.SessionStateJson;
import org.kila.gateway.store.UssdEndEventRow;
import org.kila.gateway.store.SessionDao;
import org.kila.gateway.store.UssdEventDao;
import org.kila.gateway.sms.SmsTexts;
import org.kila.gateway.survey.ClosedSurvey;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.engine.Input;
import org.kila.survey.engine.SessionState;
import org.kila.survey.engine.StepContext;
import org.kila.survey.engine.SurveyEvent;
import org.kila.survey.engine.SurveyEngine;
import org.kila.survey.engine.Turn;
import org.kila.survey.render.ChannelProfile;

/**
 * The only place that decides how a USSD hop maps to a survey session: start, continue, resume a dropped
 * session, or answer an aggregator's retry with the reply it already got. One hop is one short database
 * transaction, run off the event loop through {@link Blocking}.
 */
public final class SessionService {
  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final Availability availability;
  private final Blocking blocking;
  private final SurveyCatalog catalog;
  private final PhoneVault phones;
  private final KilaMetrics metrics;
  private final Map<String, ChannelProfile> ussdProfiles;
  private final Duration resumeWindow;
  private final Clock clock;
  private final SurveyEngine engine = new SurveyEngine();

  public SessionService(Jdbi jdbi, DataSource dataSource, Availability availability, Blocking blocking,
      SurveyCatalog catalog, PhoneVault phones, KilaMetrics metrics, Map<String, ChannelProfile> ussdProfiles,
      Duration resumeWindow, Clock clock) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.availability = availability;
    this.blocking = blocking;
    this.catalog = catalog;
    this.phones = phones;
    this.metrics = metrics;
    this.ussdProfiles = Map.copyOf(ussdProfiles);
    this.resumeWindow = resumeWindow;
    this.clock = clock;
  }

  /**
   * Answers one USSD hop. Fails when the database is unreachable, or without touching it when the hop
   * waited longer than {@code maxWait} for a database worker (its sender has been answered already).
   */
  public Future<HopOutcome> hop(UssdHop hop, Duration maxWait) {
    return blocking.run(maxWait, () -> {
      // Queued before the database went away: answered now, without waiting for a connection.
      if (availability.away()) {
        throw new Availability.Away();
      }
      try {
        return answer(hop);
      } catch (SQLException | RuntimeException e) {
        availability.failed(e);
        throw e;
      }
    });
  }

  /** True while the database is known to be unreachable: a hop then gets the retry message at once. */
  public boolean databaseAway() {
    return availability.away();
  }

  /** How often a hop reads again after another hop of its session was stored first, before it gives up. */
  static final int MAX_CONFLICTS = 5;

  /**
   * A hop of a known aggregator session is read and written with two statements and no lock held in
   * between ({@link HopStore}); a hop that finds no aggregator session starts or resumes a survey session in
   * one locked transaction, which is rarer and does more.
   */
  HopOutcome answer(UssdHop hop) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      HopOutcome answered;
      try (Connection c = dataSource.getConnection()) {
        Optional<HopOutcome> continued = continueHop(c, hop);
        answered = continued.isPresent() ? continued.get() : startInTransaction(c, hop);
      }
      if (answered != CONFLICT) {
        return answered;
      }
      metrics.hopConflict();
      if (attempt >= MAX_CONFLICTS) {
        throw new IllegalStateException("hop of " + hop.aggregator() + " session kept racing other hops of its session");
      }
    }
  }

  /**
   * The first hop of an aggregator session, in one transaction on {@code c}; {@link #CONFLICT} when another
   * copy of the same hop created the aggregator session meanwhile (this one is rolled back, and read again
   * it is answered as a retry).
   */
  private HopOutcome startInTransaction(Connection c, UssdHop hop) throws SQLException {
    c.setAutoCommit(false);
    try {
      HopOutcome outcome = start(c, hop, clock.instant());
      if (outcome == CONFLICT) {
        c.rollback();
      } else {
        c.commit();
      }
      return outcome;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Marks a hop whose write found its session moved on since it was read: read again. */
  private static final HopOutcome CONFLICT = new HopOutcome(new UssdReply("", true), "conflict");

  /** Answers a hop of an aggregator session already mapped; empty when there is none yet. */
  private Optional<HopOutcome> continueHop(Connection c, UssdHop hop) throws SQLException {
    Optional<OpenHop> read = HopStore.read(c, hop.aggregator(), hop.externalSessionId());
    if (read.isEmpty()) {
      return Optional.empty();
    }
    OpenHop open = read.get();
    Instant now = clock.instant();
    boolean retried = hop.hopKey() != null && hop.hopKey().equals(open.lastHopKey());
    boolean late = hop.mode() == InputMode.CUMULATIVE && HopInput.isEarlier(open.lastInput(), hop.text());
    if (retried || late) {
      // The aggregator retried a hop we answered, or delivered an older one again after later hops: the
      // last reply again, nothing written twice (the bench's late replays stored answers before this).
      HopStore.duplicateHop(c, open, hop.aggregator(), now);
      return Optional.of(new HopOutcome(new UssdReply(open.lastReply(), open.lastReplyEnds()), "retry"));
    }
    CompiledSurvey survey = catalog.version(open.surveyId(), open.surveyVersion());
    SessionState state = SessionStateJson.read(open.state());
    Input input = switch (hop.kind()) {
      case START -> new Input.Resumed();
      case CONTINUE -> new Input.Answered(hop.mode() == InputMode.CUMULATIVE
          ? HopInput.newInput(open.lastInput(), hop.text()) : hop.text());
      case TIMEOUT -> new Input.TimedOut();
      case RELEASE -> new Input.Closed();
    };
    Turn turn = engine.step(survey, state, input, context(c, survey, hop, now));
    StepWrites w = StepWrites.of(turn);
    OptionalInt stored = HopStore.write(c, open, hopWrite(turn, w, now),
        new HopStore.Reply(hop.text(), hop.hopKey(), turn.screen(), turn.done()), now);
    if (stored.isEmpty()) {
      return Optional.of(CONFLICT);
    }
    SessionWriter.count(metrics, "ussd", hop.aggregator(), w);
    return Optional.of(new HopOutcome(new UssdReply(turn.screen(), turn.done()), "ok"));
  }

  private static HopStore.Write hopWrite(Turn turn, StepWrites w, Instant now) {
    List<HopStore.Answer> answers = new ArrayList<>(w.answers().size());
    for (SurveyEvent.AnswerRecorded a : w.answers()) {
      answers.add(new HopStore.Answer(a.questionId(), a.value(), a.carriedOver()));
    }
    List<HopStore.QuotaCell> cells = new ArrayList<>(w.cells().size());
    for (SurveyEvent.QuotaCell q : w.cells()) {
      cells.add(new HopStore.QuotaCell(q.quotaId(), q.stratumKey()));
    }
    List<HopStore.Quality> quality = new ArrayList<>(w.quality().size());
    for (StepWrites.Quality q : w.quality()) {
      quality.add(new HopStore.Quality(q.kind(), q.questionId(), q.detail()));
    }
    return new HopStore.Write(SessionStateJson.write(turn.state()), w.status(), turn.state().questionId(),
        w.status().finished() ? now : null, answers, w.profile(), cells, quality);
  }

  /** Records an aggregator's end-of-session notification once; a dropped session becomes resumable. */
  public Future<Void> sessionEnded(UssdSessionEnd end) {
    return blocking.run(() -> {
      jdbi.useTransaction(h -> {
        boolean fresh = h.attach(UssdEventDao.class).record(new UssdEndEventRow(end.aggregator(),
            end.externalSessionId(), end.status().name().toLowerCase(Locale.ROOT), end.hopsCount(),
            end.durationMillis(), end.lastAppResponse(), clock.instant()));
        if (fresh && end.status() == EndStatus.DROPPED
            && h.attach(SessionDao.class).markDropped(end.aggregator(), end.externalSessionId())) {
          metrics.session("ussd", end.aggregator(), "dropped");
        }
      });
      return null;
    });
  }

  /** The polite "try again shortly" for a hop whose answer could not be taken, in the survey's first language. */
  public String unavailableMessage(UssdHop hop) {
    return UnavailableMessages.in(catalog.forUssdCode(hop.serviceCode())
        .map(s -> s.definition().languageCodes().get(0)).orElse("en"));
  }

  /** A hop that found no aggregator session: starts or resumes a survey session for it. */
  private HopOutcome start(Connection c, UssdHop hop, Instant now) throws SQLException {
    if (hop.kind() == HopKind.TIMEOUT || hop.kind() == HopKind.RELEASE) {
      return new HopOutcome(new UssdReply("", true), "ok");
    }
    Optional<CompiledSurvey> found = catalog.forUssdCode(hop.serviceCode());
    if (found.isEmpty()) {
      Optional<CompiledSurvey> paused = catalog.pausedForUssdCode(hop.serviceCode());
      if (paused.isPresent()) {
        return new HopOutcome(new UssdReply(PausedMessages.in(paused.get().definition().languageCodes().get(0)), true),
            "paused");
      }
      Optional<ClosedSurvey> closed = catalog.closedForUssdCode(hop.serviceCode());
      if (closed.isPresent()) {
        // The same words a text with the survey's keyword gets: one translation for both channels.
        return new HopOutcome(new UssdReply(SmsTexts.in(closed.get().language(), SmsTexts.Text.CLOSED, Map.of()), true),
            "closed");
      }
      return new HopOutcome(new UssdReply("This code is not in use. Please check the number you dialled.", true),
          "unknown_code");
    }
    CompiledSurvey survey = found.get();
    Optional<String> e164 = phones.normalise(hop.phone());
    if (e164.isEmpty()) {
      return new HopOutcome(new UssdReply("Sorry, we could not read your phone number.", true), "bad_phone");
    }
    UUID respondentId = HopStore.upsertRespondent(c, phones.hash(e164.get()), phones.encrypt(e164.get()));
    StepContext context = context(c, survey, hop, now);
    HopStore.Channel channel = new HopStore.Channel(hop.aggregator(), hop.externalSessionId(), hop.serviceCode());
    Optional<HopStore.Stored> resumable = HopStore.findResumable(c, respondentId, survey.id(), now.minus(resumeWindow));
    Optional<HopStore.Stored> finished = resumable.isPresent() ? Optional.empty()
        : HopStore.findFinished(c, respondentId, survey.id(), survey.version());
    if (finished.isPresent()) {
      // One response per person: someone who finished is shown their closing message again, and nothing
      // is counted twice.
      Turn turn = engine.step(survey, SessionStateJson.read(finished.get().state()), new Input.Resumed(), context);
      if (!HopStore.reopenFinished(c, finished.get().id(), channel,
          new HopStore.Reply(hop.text(), hop.hopKey(), turn.screen(), true), now)) {
        return CONFLICT;
      }
      return new HopOutcome(new UssdReply(turn.screen(), true), "already_answered");
    }
    Turn turn;
    HopStore.StartOf of;
    String event;
    if (resumable.isPresent() && resumable.get().surveyVersion() == survey.version()) {
      turn = engine.step(survey, SessionStateJson.read(resumable.get().state()), new Input.Resumed(), context);
      of = new HopStore.Resumed(resumable.get());
      event = "resumed";
    } else {
      Map<String, String> profile = HopStore.profile(c, respondentId);
      turn = engine.step(survey, null, new Input.Started(profile, null), context);
      of = new HopStore.Fresh(UUID.randomUUID(), survey.id(), survey.version(), respondentId, hop.aggregator());
      event = "started";
    }
    StepWrites w = StepWrites.of(turn);
    if (!HopStore.start(c, of, hopWrite(turn, w, now), channel,
        new HopStore.Reply(hop.text(), hop.hopKey(), turn.screen(), turn.done()), now)) {
      return CONFLICT;
    }
    metrics.session("ussd", hop.aggregator(), event);
    SessionWriter.count(metrics, "ussd", hop.aggregator(), w);
    return new HopOutcome(new UssdReply(turn.screen(), turn.done()), "ok");
  }

  private StepContext context(Connection c, CompiledSurvey survey, UssdHop hop, Instant now) {
    ChannelProfile profile = ussdProfiles.getOrDefault(hop.aggregator(), ChannelProfile.ussdDefault());
    return new StepContext(now, profile, HopStore.quotas(c, survey.id()));
  }
}
