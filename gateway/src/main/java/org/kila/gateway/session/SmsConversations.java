package org.kila.gateway.session;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.channel.OptOutType;
import org.kila.gateway.channel.SmsInbound;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.sms.FollowUpDefaults;
import org.kila.gateway.sms.OptOuts;
import org.kila.gateway.sms.Outbox;
import org.kila.gateway.sms.OutboxDraft;
import org.kila.gateway.sms.SmsMetrics;
import org.kila.gateway.sms.SmsTexts;
import org.kila.gateway.sms.StandardKeywords;
import org.kila.gateway.store.InvitationDao;
import org.kila.gateway.store.MessageKind;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.ProfileDao;
import org.kila.gateway.store.RespondentDao;
import org.kila.gateway.store.SessionDao;
import org.kila.gateway.store.SessionStateJson;
import org.kila.gateway.store.SessionStatus;
import org.kila.gateway.store.SmsConversationDao;
import org.kila.gateway.store.SmsConversationRow;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveySessionRow;
import org.kila.gateway.store.SurveyStatus;
import org.kila.gateway.survey.ClosedSurvey;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.engine.Input;
import org.kila.survey.engine.SessionState;
import org.kila.survey.engine.StepContext;
import org.kila.survey.engine.SurveyEngine;
import org.kila.survey.engine.Turn;
import org.kila.survey.render.ChannelProfile;

/**
 * The only place that decides what a respondent's text means: STOP, START, HELP or LANG; a survey's
 * keyword (which starts the survey, or continues an unfinished session of it, from USSD too); an answer
 * to the question the number's conversation is on; or something we cannot place (a short help text, at
 * most once an hour per number, so two auto-responders cannot keep each other talking).
 *
 * <p>A paused survey's keyword, or a reply in a conversation whose survey has since been paused, gets
 * "this survey is paused, send the keyword again later"; a closed survey's keyword, or a reply to one,
 * gets "this survey has closed". Either is in the conversation's language when it has one, else in the
 * survey's first language; nothing is stored as an answer, and like the help text it goes to a number at
 * most once an hour. The session stays as it was, so a reply after the survey is launched again goes on
 * where it stopped.
 *
 * <p>One text is one transaction: the text is recorded as seen (a second delivery of the same provider
 * message id is recognised and changes nothing), the answer is stored, and the reply is queued in the
 * outbox, all or nothing. The reply never goes in the webhook's response.
 */
public final class SmsConversations {
  /** At most one help text per number in this time. */
  static final Duration HELP_EVERY = Duration.ofHours(1);
  private static final String CHANNEL = "sms";

  private final Jdbi jdbi;
  private final Blocking blocking;
  private final SurveyCatalog catalog;
  private final PhoneVault phones;
  private final Outbox outbox;
  private final OptOuts optOuts;
  private final SessionWriter writer;
  private final KilaMetrics metrics;
  private final SmsMetrics smsMetrics;
  private final Duration expiry;
  private final Duration resumeWindow;
  private final FollowUpDefaults followUps;
  private final Clock clock;
  private final SurveyEngine engine = new SurveyEngine();

  /**
   * @param expiry how long after its last text a conversation still takes texts as answers
   * @param resumeWindow how long an unfinished session may be continued with the survey's keyword
   * @param followUps the gateway's default for whether a USSD session may be finished by SMS
   */
  public SmsConversations(Jdbi jdbi, Blocking blocking, SurveyCatalog catalog, PhoneVault phones, Outbox outbox,
      KilaMetrics metrics, SmsMetrics smsMetrics, Duration expiry, Duration resumeWindow, FollowUpDefaults followUps,
      Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.catalog = catalog;
    this.phones = phones;
    this.outbox = outbox;
    this.optOuts = new OptOuts(clock, smsMetrics);
    this.writer = new SessionWriter(metrics);
    this.metrics = metrics;
    this.smsMetrics = smsMetrics;
    this.expiry = expiry;
    this.resumeWindow = resumeWindow;
    this.followUps = followUps;
    this.clock = clock;
  }

  /**
   * Handles one inbound text; the outcome names what it was, for logs and tests: answered, started,
   * resumed, dial_to_finish, language, help, help_suppressed, paused, paused_suppressed, closed,
   * closed_suppressed, opted_out, opted_in, ignored_opted_out, duplicate, bad_phone; each is counted in
   * {@code kila_sms_texts_total} once its transaction has committed. Fails only when the database is
   * unreachable (the provider then retries the webhook).
   */
  public Future<String> receive(SmsInbound text) {
    return blocking.run(() -> jdbi.inTransaction(h -> new Exchange(h, text).handle()))
        .onSuccess(outcome -> smsMetrics.handled(text.provider(), outcome));
  }

  /** One text being handled, inside its transaction. */
  private final class Exchange {
    private final Handle h;
    private final SmsInbound text;
    private final Instant now = clock.instant();
    private byte[] phoneHash;
    private UUID respondentId;
    private SmsConversationRow conversation;

    Exchange(Handle h, SmsInbound text) {
      this.h = h;
      this.text = text;
    }

    String handle() {
      Optional<String> e164 = phones.normalise(text.from());
      if (e164.isEmpty()) {
        return "bad_phone";
      }
      phoneHash = phones.hash(e164.get());
      respondentId = h.attach(RespondentDao.class).upsert(phoneHash, phones.encrypt(e164.get()));
      SmsConversationDao conversations = h.attach(SmsConversationDao.class);
      if (!conversations.recordInbound(text.provider(), text.providerMessageId(), respondentId, now)) {
        return "duplicate";
      }
      smsMetrics.inbound(text.provider());
      conversation = conversations.lock(text.provider(), phoneHash, respondentId, now);

      // The provider already acted on its own reading (and answered the respondent): follow it, quietly.
      if (text.optOutType() == OptOutType.STOP) {
        optOuts.optOut(h, phoneHash, OptOutDao.Source.PROVIDER_KEYWORD);
        return "opted_out";
      }
      if (text.optOutType() == OptOutType.START) {
        optOuts.optIn(h, phoneHash);
        return "opted_in";
      }
      Optional<StandardKeywords.Match> keyword = StandardKeywords.match(text.body());
      StandardKeywords.Kind kind = keyword.map(StandardKeywords.Match::kind).orElse(null);
      if (kind == StandardKeywords.Kind.STOP) {
        if (optOuts.optOut(h, phoneHash, OptOutDao.Source.KEYWORD)) {
          reply(MessageKind.OPTOUT_ACK, own(SmsTexts.Text.OPTED_OUT), null, null);
        }
        return "opted_out";
      }
      if (kind == StandardKeywords.Kind.START) {
        if (optOuts.optIn(h, phoneHash)) {
          reply(MessageKind.OPTOUT_ACK, own(SmsTexts.Text.OPTED_IN), null, null);
        }
        return "opted_in";
      }
      if (optOuts.isOptedOut(h, phoneHash) || text.optOutType() == OptOutType.HELP) {
        // Nothing goes to an opted-out number; and Twilio answered HELP itself.
        return text.optOutType() == OptOutType.HELP ? "help" : "ignored_opted_out";
      }
      Optional<SurveySessionRow> active = activeSession();
      // The survey of the session being answered may have been paused or closed since it started.
      Optional<SmsTexts.Text> halted = active.flatMap(this::halted);
      if (kind == StandardKeywords.Kind.HELP) {
        return help(SmsTexts.Text.HELP);
      }
      if (kind == StandardKeywords.Kind.LANGUAGE) {
        Optional<String> switched = active.filter(s -> halted.isEmpty())
            .flatMap(s -> switchLanguage(s, keyword.get().argument()));
        if (switched.isPresent()) {
          return switched.get();
        }
        if (keyword.get().argument().isEmpty()) {
          return help(SmsTexts.Text.HELP);
        }
        // "Language is important to me" names no language: an answer, not a keyword.
      }
      Optional<CompiledSurvey> triggered = catalog.forSmsKeyword(text.body());
      if (triggered.isPresent()) {
        return start(triggered.get());
      }
      Optional<CompiledSurvey> paused = catalog.pausedForSmsKeyword(text.body());
      if (paused.isPresent()) {
        return notice(SmsTexts.Text.PAUSED, paused.get().id(), firstLanguage(paused.get()), keywords(paused.get()), null);
      }
      Optional<ClosedSurvey> closed = catalog.closedForSmsKeyword(text.body());
      if (closed.isPresent()) {
        return notice(SmsTexts.Text.CLOSED, closed.get().surveyId(), closed.get().language(), List.of(), null);
      }
      if (active.isPresent() && halted.isPresent()) {
        CompiledSurvey survey = catalog.version(active.get().surveyId(), active.get().surveyVersion());
        return notice(halted.get(), survey.id(), firstLanguage(survey), keywords(survey), active.get().id());
      }
      if (active.isPresent()) {
        return answer(active.get());
      }
      return help(SmsTexts.Text.UNKNOWN);
    }

    /**
     * PAUSED when the session's survey is paused now, CLOSED when it is over (no version launched or
     * paused), empty while it takes answers. Read from the database rather than the catalog, which
     * another instance's pause reaches only at its next reload: a paused survey takes no answer at all.
     */
    private Optional<SmsTexts.Text> halted(SurveySessionRow session) {
      Optional<SurveyStatus> status = h.attach(SurveyDao.class).currentStatus(session.surveyId());
      if (status.isEmpty()) {
        return Optional.of(SmsTexts.Text.CLOSED);
      }
      return status.get() == SurveyStatus.PAUSED ? Optional.of(SmsTexts.Text.PAUSED) : Optional.empty();
    }

    /**
     * Tells the texter that a survey is paused or has closed, in the language of the number's last
     * session when it has one, else in {@code surveyLanguage}; at most once an hour per number, like help.
     */
    private String notice(SmsTexts.Text which, String surveyId, String surveyLanguage, List<String> keywords,
        UUID sessionId) {
      String outcome = which == SmsTexts.Text.PAUSED ? "paused" : "closed";
      if (conversation.lastHelpAt() != null && conversation.lastHelpAt().plus(HELP_EVERY).isAfter(now)) {
        return outcome + "_suppressed";
      }
      String language = lastSession().map(s -> SessionStateJson.read(s.state()).language()).orElse(surveyLanguage);
      String keyword = keywords.isEmpty() ? "HELP" : String.join(" / ", keywords);
      reply(MessageKind.HELP, SmsTexts.in(language, which, Map.of("keyword", keyword)),
          surveyId, sessionId);
      h.attach(SmsConversationDao.class).helpSent(text.provider(), phoneHash, now);
      return outcome;
    }

    private Optional<SurveySessionRow> lastSession() {
      return conversation.sessionId() == null ? Optional.empty() : h.attach(SessionDao.class).find(conversation.sessionId());
    }

    private String firstLanguage(CompiledSurvey survey) {
      return survey.definition().languageCodes().get(0);
    }

    private List<String> keywords(CompiledSurvey survey) {
      return survey.definition().triggers().smsKeywords();
    }

    /** The session this number's texts answer now: attached, not expired, not finished. */
    private Optional<SurveySessionRow> activeSession() {
      if (conversation.sessionId() == null || conversation.expiresAt() == null || !conversation.expiresAt().isAfter(now)) {
        return Optional.empty();
      }
      return h.attach(SessionDao.class).find(conversation.sessionId()).filter(s -> s.status().resumable());
    }

    /** The survey's keyword: continue an unfinished session of it (from either channel), or start one. */
    private String start(CompiledSurvey survey) {
      SessionDao sessions = h.attach(SessionDao.class);
      StepContext context = context(survey);
      Optional<SurveySessionRow> resumable = sessions.findResumable(respondentId, survey.id(), now.minus(resumeWindow));
      if (resumable.isPresent() && resumable.get().surveyVersion() == survey.version() && mustDial(survey, resumable.get())) {
        return dialToFinish(survey, resumable.get());
      }
      UUID sessionId;
      Turn turn;
      String outcome;
      if (resumable.isPresent() && resumable.get().surveyVersion() == survey.version()) {
        sessionId = resumable.get().id();
        turn = engine.step(survey, SessionStateJson.read(resumable.get().state()), new Input.Resumed(), context);
        outcome = "resumed";
      } else {
        sessionId = UUID.randomUUID();
        Map<String, String> profile = h.attach(ProfileDao.class).load(respondentId);
        String language = h.attach(InvitationDao.class).language(survey.id(), respondentId).orElse(null);
        turn = engine.step(survey, null, new Input.Started(profile, language), context);
        sessions.insertSession(new SurveySessionRow(sessionId, survey.id(), survey.version(), respondentId,
            ChannelProfile.Channel.SMS, text.provider(), SessionStatus.ACTIVE, SessionStateJson.write(turn.state()),
            turn.state().questionId(), now, now, null));
        outcome = "started";
      }
      metrics.session(CHANNEL, text.provider(), outcome);
      step(sessionId, survey, turn);
      return outcome;
    }

    /** A USSD session of a survey that is not to be finished by SMS (and that has a code to dial). */
    private boolean mustDial(CompiledSurvey survey, SurveySessionRow session) {
      return session.channel() == ChannelProfile.Channel.USSD && !survey.definition().triggers().ussdCodes().isEmpty()
          && !followUps.of(survey.definition()).finishBySms();
    }

    /** Tells the respondent which code to dial to finish, in the session's language; the session is left as it is. */
    private String dialToFinish(CompiledSurvey survey, SurveySessionRow session) {
      String language = Optional.ofNullable(SessionStateJson.read(session.state()).language())
          .orElse(survey.definition().languageCodes().get(0));
      reply(MessageKind.NUDGE, SmsTexts.in(language, SmsTexts.Text.NUDGE,
          Map.of("code", survey.definition().triggers().ussdCodes().get(0))), survey.id(), session.id());
      return "dial_to_finish";
    }

    private String answer(SurveySessionRow session) {
      CompiledSurvey survey = catalog.version(session.surveyId(), session.surveyVersion());
      Turn turn = engine.step(survey, SessionStateJson.read(session.state()), new Input.Answered(text.body()), context(survey));
      step(session.id(), survey, turn);
      return "answered";
    }

    /**
     * LANG: the next of the survey's languages, or the one named; the current screen again in it. Empty
     * when the survey has no other language or the argument names none of its languages.
     */
    private Optional<String> switchLanguage(SurveySessionRow session, String argument) {
      CompiledSurvey survey = catalog.version(session.surveyId(), session.surveyVersion());
      SessionState state = SessionStateJson.read(session.state());
      Optional<String> target = SurveyLanguages.pick(survey.definition().languages(), state.language(), argument);
      if (target.isEmpty()) {
        return Optional.empty();
      }
      SessionState switched = new SessionState(state.surveyId(), state.surveyVersion(), target.get(), state.stage(),
          state.questionId(), state.page(), state.invalidTries(), state.answers(), state.path(), state.profile(), state.hint());
      step(session.id(), survey, engine.step(survey, switched, new Input.Resumed(), context(survey)));
      return Optional.of("language");
    }

    /** Stores the step and queues its screen as the reply, in this transaction. */
    private void step(UUID sessionId, CompiledSurvey survey, Turn turn) {
      writer.write(h, h.attach(SessionDao.class),
          new SessionWriter.Target(sessionId, respondentId, survey.id(), CHANNEL, text.provider()), turn, now);
      h.attach(SmsConversationDao.class).attach(text.provider(), phoneHash, sessionId, now.plus(expiry), now);
      if (!turn.screen().isEmpty()) {
        reply(MessageKind.PROMPT, turn.screen(), survey.id(), sessionId);
      }
    }

    private String help(SmsTexts.Text which) {
      if (conversation.lastHelpAt() != null && conversation.lastHelpAt().plus(HELP_EVERY).isAfter(now)) {
        return "help_suppressed";
      }
      reply(MessageKind.HELP, own(which), null, null);
      h.attach(SmsConversationDao.class).helpSent(text.provider(), phoneHash, now);
      return "help";
    }

    /** One of our own texts, in the language of the number's last survey session, naming its keyword. */
    private String own(SmsTexts.Text which) {
      Optional<SurveySessionRow> last = lastSession();
      Optional<CompiledSurvey> survey = last.map(s -> catalog.version(s.surveyId(), s.surveyVersion()));
      String language = last.map(s -> SessionStateJson.read(s.state()).language())
          .or(() -> survey.map(s -> s.definition().languageCodes().get(0)))
          .orElseGet(() -> catalog.live().isEmpty() ? "en" : catalog.live().get(0).definition().languageCodes().get(0));
      List<String> keywords = survey.map(s -> s.definition().triggers().smsKeywords())
          .filter(k -> !k.isEmpty())
          .orElseGet(() -> catalog.live().stream().flatMap(s -> s.definition().triggers().smsKeywords().stream()).limit(3).toList());
      return SmsTexts.in(language, which, Map.of("keyword", keywords.isEmpty() ? "HELP" : String.join(" / ", keywords)));
    }

    /** Queues a reply to this text; keyed by it, so the same text can never be answered twice. */
    private void reply(MessageKind kind, String body, String surveyId, UUID sessionId) {
      outbox.enqueue(h, new OutboxDraft(kind, "reply:" + text.provider() + ":" + text.providerMessageId(),
          text.provider(), respondentId, body, null, surveyId, sessionId));
    }

    private StepContext context(CompiledSurvey survey) {
      return new StepContext(now, ChannelProfile.smsDefault(), QuotaLookup.within(h, survey.id()));
    }
  }
}
