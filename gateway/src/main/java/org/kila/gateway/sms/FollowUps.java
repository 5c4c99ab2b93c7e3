package org.kila.gateway.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.store.FollowUpDao;
import org.kila.gateway.store.FollowUpRow;
import org.kila.gateway.store.MessageKind;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.model.SurveyDefinition;

/**
 * The texts Kila sends first, after the invitation: reminders to those invited who have not started or
 * not finished (and to SMS respondents who went quiet), at most the survey's count, each after its delay;
 * and one nudge after a dropped USSD session of a survey that nudges ("dial *384*12# to finish where you
 * left off"). Each survey's own settings decide, the gateway's options filling in what it leaves out
 * ({@link FollowUpDefaults}); the live version's settings apply to every session of the survey. Both wait
 * out the survey's quiet hours and skip opted-out numbers. Blocking: run it off the event loop. Safe on
 * several instances at once: each text is keyed by its cause, so a second instance queues nothing new.
 */
public final class FollowUps {
  /** A USSD session quiet this long is over: networks end one after about three minutes without input. */
  static final Duration DROPPED_AFTER = Duration.ofMinutes(3);
  static final int BATCH = 500;

  private final Jdbi jdbi;
  private final SurveyCatalog catalog;
  private final Outbox outbox;
  private final FollowUpDefaults defaults;
  private final String defaultProvider;
  private final Set<String> configuredProviders;
  private final Duration resumeWindow;
  private final Clock clock;

  public FollowUps(Jdbi jdbi, SurveyCatalog catalog, Outbox outbox, FollowUpDefaults defaults, String defaultProvider,
      Set<String> configuredProviders, Duration resumeWindow, Clock clock) {
    this.jdbi = jdbi;
    this.catalog = catalog;
    this.outbox = outbox;
    this.defaults = defaults;
    this.defaultProvider = defaultProvider;
    this.configuredProviders = Set.copyOf(configuredProviders);
    this.resumeWindow = resumeWindow;
    this.clock = clock;
  }

  /** Queues the reminders due now; returns how many. */
  public int remind() {
    Instant now = clock.instant();
    int queued = 0;
    for (CompiledSurvey live : catalog.live()) {
      FollowUpSettings settings = defaults.of(live.definition());
      if (settings.reminders() == 0) {
        continue;
      }
      List<FollowUpRow> due = jdbi.withExtension(FollowUpDao.class,
          dao -> dao.remindersDue(live.id(), settings.reminders(), now.minus(settings.reminderDelay()), BATCH));
      for (FollowUpRow row : due) {
        queued += remind(row, settings, now) ? 1 : 0;
      }
    }
    return queued;
  }

  private boolean remind(FollowUpRow row, FollowUpSettings settings, Instant now) {
    int number = row.sent() + 1;
    return jdbi.inTransaction(h -> {
      if (!h.attach(FollowUpDao.class).reminded(row.surveyId(), row.respondentId(), number, now)) {
        return false;
      }
      SurveyDefinition survey = survey(row).definition();
      String language = language(row, survey);
      List<String> codes = survey.triggers().ussdCodes();
      // Someone who started by USSD on a survey that must be finished there is told to dial, not to reply.
      String text = "ussd".equals(row.channel()) && !settings.finishBySms() && !codes.isEmpty()
          ? SmsTexts.in(language, SmsTexts.Text.NUDGE, Map.of("code", codes.get(0)))
          : SmsTexts.in(language, SmsTexts.Text.REMINDER, Map.of(
              "title", title(survey, language), "keyword", survey.triggers().smsKeywords().isEmpty() ? "HELP"
                  : survey.triggers().smsKeywords().get(0)));
      return outbox.enqueue(h, new OutboxDraft(MessageKind.REMINDER, "reminder:" + row.surveyId() + ":" + row.respondentId()
          + ":" + number, provider(row), row.respondentId(), text, settings.quietHours().nextAllowed(now), row.surveyId(),
          row.sessionId())).isPresent();
    });
  }

  /** Queues the nudges due now; returns how many. */
  public int nudge() {
    Map<String, FollowUpSettings> nudging = new HashMap<>();
    for (CompiledSurvey live : catalog.live()) {
      FollowUpSettings settings = defaults.of(live.definition());
      if (settings.nudge()) {
        nudging.put(live.id(), settings);
      }
    }
    if (nudging.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<FollowUpRow> due = jdbi.withExtension(FollowUpDao.class,
        dao -> dao.nudgesDue(List.copyOf(nudging.keySet()), now.minus(DROPPED_AFTER), now.minus(resumeWindow), BATCH));
    int queued = 0;
    for (FollowUpRow row : due) {
      SurveyDefinition survey = survey(row).definition();
      if (survey.triggers().ussdCodes().isEmpty()) {
        continue;
      }
      String text = SmsTexts.in(language(row, survey), SmsTexts.Text.NUDGE, Map.of("code", survey.triggers().ussdCodes().get(0)));
      Instant sendAt = nudging.get(row.surveyId()).quietHours().nextAllowed(now);
      boolean sent = jdbi.inTransaction(h -> outbox.enqueue(h, new OutboxDraft(MessageKind.NUDGE, "nudge:" + row.sessionId(),
          defaultProvider, row.respondentId(), text, sendAt, row.surveyId(), row.sessionId())).isPresent());
      queued += sent ? 1 : 0;
    }
    return queued;
  }

  private CompiledSurvey survey(FollowUpRow row) {
    return catalog.version(row.surveyId(), row.surveyVersion());
  }

  private static String language(FollowUpRow row, SurveyDefinition survey) {
    return row.language() != null && survey.languageCodes().contains(row.language()) ? row.language() : survey.languageCodes().get(0);
  }

  private static String title(SurveyDefinition survey, String language) {
    return Optional.ofNullable(survey.title().in(language)).orElse(survey.title().in(survey.languageCodes().get(0)));
  }

  /** The provider the respondent knows us by, when it is still configured. */
  private String provider(FollowUpRow row) {
    return row.provider() != null && configuredProviders.contains(row.provider()) ? row.provider() : defaultProvider;
  }
}
