package org.kila.gateway.session;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
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
import org.kila.gateway.db.Blocking;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.store.ChannelSessionRow;
import org.kila.gateway.store.LockedSession;
import org.kila.gateway.store.ProfileDao;
import org.kila.gateway.store.SessionEventDao;
import org.kila.gateway.store.SessionEventKind;
import org.kila.gateway.store.SessionEventRow;
import org.kila.gateway.store.SessionStateJson;
import org.kila.gateway.store.SessionStatus;
import org.kila.gateway.store.SurveySessionRow;
import org.kila.gateway.store.UssdEndEventRow;
import org.kila.gateway.store.RespondentDao;
import org.kila.gateway.store.SessionDao;
import org.kila.gateway.store.UssdEventDao;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.engine.Input;
import org.kila.survey.engine.SessionState;
import org.kila.survey.engine.StepContext;
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
  private final Blocking blocking;
  private final SurveyCatalog catalog;
  private final PhoneVault phones;
  private final SessionWriter writer;
  private final KilaMetrics metrics;
  private final Map<String, ChannelProfile> ussdProfiles;
  private final Duration resumeWindow;
  private final Clock clock;
  private final SurveyEngine engine = new SurveyEngine();

  public SessionService(Jdbi jdbi, Blocking blocking, SurveyCatalog catalog, PhoneVault phones,
      KilaMetrics metrics, Map<String, ChannelProfile> ussdProfiles, Duration resumeWindow, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.catalog = catalog;
    this.phones = phones;
    this.metrics = metrics;
    this.ussdProfiles = Map.copyOf(ussdProfiles);
    this.resumeWindow = resumeWindow;
    this.clock = clock;
    this.writer = new SessionWriter(metrics);
  }

  /**
   * Answers one USSD hop. Fails when the database is unreachable, or without touching it when the hop
   * waited longer than {@code maxWait} for a database worker (its sender has been answered already).
   */
  public Future<HopOutcome> hop(UssdHop hop, Duration maxWait) {
    return blocking.run(maxWait, () -> {
      try {
        return jdbi.inTransaction(h -> hopInTransaction(h, hop));
      } catch (FirstHopRace race) {
        // The same first hop arrived twice at once and the other copy won: this run rolled back, and a
        // second run finds the other's session and answers as a retry.
        return jdbi.inTransaction(h -> hopInTransaction(h, hop));
      }
    });
  }

  /** Thrown inside the transaction to roll it back when a concurrent copy of a first hop got there first. */
  private static final class FirstHopRace extends RuntimeException {
    FirstHopRace() {
      super("aggregator session created concurrently", null, false, false);
    }
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

  private HopOutcome hopInTransaction(Handle h, UssdHop hop) {
    SessionDao sessions = h.attach(SessionDao.class);
    Instant now = clock.instant();
    Optional<LockedSession> locked = sessions.lockByChannel(hop.aggregator(), hop.externalSessionId());
    if (locked.isEmpty()) {
      return start(h, sessions, hop, now);
    }
    ChannelSessionRow channel = locked.get().channel();
    SurveySessionRow session = locked.get().session();
    boolean retried = hop.hopKey() != null && hop.hopKey().equals(channel.lastHopKey());
    boolean late = hop.mode() == InputMode.CUMULATIVE && HopInput.isEarlier(channel.lastInput(), hop.text());
    if (retried || late) {
      // The aggregator retried a hop we answered, or delivered an older one again after later hops: the
      // last reply again, nothing written twice (the bench's late replays stored answers before this).
      h.attach(SessionEventDao.class).record(List.of(new SessionEventRow(session.id(),
          SessionEventKind.DUPLICATE_HOP, session.currentQuestion(), hop.aggregator(), now)));
      return new HopOutcome(new UssdReply(channel.lastReply(), channel.lastReplyEnds()), "retry");
    }
    CompiledSurvey survey = catalog.version(session.surveyId(), session.surveyVersion());
    SessionState state = SessionStateJson.read(session.state());
    Input input = switch (hop.kind()) {
      case START -> new Input.Resumed();
      case CONTINUE -> new Input.Answered(hop.mode() == InputMode.CUMULATIVE
          ? HopInput.newInput(channel.lastInput(), hop.text()) : hop.text());
      case TIMEOUT -> new Input.TimedOut();
      case RELEASE -> new Input.Closed();
    };
    Turn turn = engine.step(survey, state, input, context(h, survey, hop, now));
    writer.write(h, sessions, new SessionWriter.Target(session.id(), session.respondentId(), survey.id(), "ussd",
        hop.aggregator()), turn, now);
    sessions.updateChannelSession(channel.id(), hop.text(), hop.hopKey(), turn.screen(), turn.done(), now);
    return new HopOutcome(new UssdReply(turn.screen(), turn.done()), "ok");
  }

  private HopOutcome start(Handle h, SessionDao sessions, UssdHop hop, Instant now) {
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
      return new HopOutcome(new UssdReply("This code is not in use. Please check the number you dialled.", true),
          "unknown_code");
    }
    CompiledSurvey survey = found.get();
    Optional<String> e164 = phones.normalise(hop.phone());
    if (e164.isEmpty()) {
      return new HopOutcome(new UssdReply("Sorry, we could not read your phone number.", true), "bad_phone");
    }
    UUID respondentId = h.attach(RespondentDao.class).upsert(phones.hash(e164.get()), phones.encrypt(e164.get()));
    StepContext context = context(h, survey, hop, now);
    Optional<SurveySessionRow> resumable =
        sessions.findResumable(respondentId, survey.id(), now.minus(resumeWindow));
    Optional<SurveySessionRow> finished = resumable.isPresent() ? Optional.empty()
        : sessions.findFinished(respondentId, survey.id(), survey.version());
    UUID sessionId;
    Turn turn;
    if (finished.isPresent()) {
      // One response per person: someone who finished is shown their closing message again, and nothing
      // is counted twice.
      sessionId = finished.get().id();
      turn = engine.step(survey, SessionStateJson.read(finished.get().state()), new Input.Resumed(), context);
      long channelId = sessions.insertChannelSession(hop.aggregator(), hop.externalSessionId(), sessionId,
          hop.serviceCode(), now).orElseThrow(FirstHopRace::new);
      sessions.updateChannelSession(channelId, hop.text(), hop.hopKey(), turn.screen(), true, now);
      return new HopOutcome(new UssdReply(turn.screen(), true), "already_answered");
    } else if (resumable.isPresent() && resumable.get().surveyVersion() == survey.version()) {
      sessionId = resumable.get().id();
      turn = engine.step(survey, SessionStateJson.read(resumable.get().state()), new Input.Resumed(), context);
      metrics.session("ussd", hop.aggregator(), "resumed");
    } else {
      sessionId = UUID.randomUUID();
      Map<String, String> profile = h.attach(ProfileDao.class).load(respondentId);
      turn = engine.step(survey, null, new Input.Started(profile, null), context);
      sessions.insertSession(new SurveySessionRow(sessionId, survey.id(), survey.version(), respondentId,
          ChannelProfile.Channel.USSD, hop.aggregator(), SessionStatus.ACTIVE, SessionStateJson.write(turn.state()),
          turn.state().questionId(), now, now, null));
      metrics.session("ussd", hop.aggregator(), "started");
    }
    writer.write(h, sessions, new SessionWriter.Target(sessionId, respondentId, survey.id(), "ussd", hop.aggregator()),
        turn, now);
    long channelId = sessions.insertChannelSession(hop.aggregator(), hop.externalSessionId(), sessionId,
        hop.serviceCode(), now).orElseThrow(FirstHopRace::new);
    sessions.updateChannelSession(channelId, hop.text(), hop.hopKey(), turn.screen(), turn.done(), now);
    return new HopOutcome(new UssdReply(turn.screen(), turn.done()), "ok");
  }

  private StepContext context(Handle h, CompiledSurvey survey, UssdHop hop, Instant now) {
    ChannelProfile profile = ussdProfiles.getOrDefault(hop.aggregator(), ChannelProfile.ussdDefault());
    return new StepContext(now, profile, QuotaLookup.within(h, survey.id()));
  }
}
