package org.kila.gateway.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * not finished (and to SMS respondents who went quiet), at most the configured count, each after the
 * configured delay; and one nudge after a dropped USSD session of a survey that enables it ("dial
 * *384*12# to finish where you left off"). Both wait out the quiet hours and skip opted-out numbers.
 * Blocking: run it off the event loop. Safe on several instances at once: each text is keyed by its
 * cause, so a second instance queues nothing new.
 */
public final class FollowUps {
  /** A USSD session quiet this long is over: networks end one after about three minutes without input. */
  static final Duration DROPPED_AFTER = Duration.ofMinutes(3);
  static final int BATCH = 500;

  private final Jdbi jdbi;
  private final SurveyCatalog catalog;
  private final Outbox outbox;
  private final QuietHours quietHours;
  private final String defaultProvider;
  private final Set<String> configuredProviders;
  private final int reminders;
  private final Duration reminderDelay;
  private final List<String> nudgeSurveys;
  private final Duration resumeWindow;
  private final Clock clock;

  public FollowUps(Jdbi jdbi, SurveyCatalog catalog, Outbox outbox, QuietHours quietHours, String defaultProvider,
      Set<String> configuredProviders, int reminders, Duration reminderDelay, Set<String> nudgeSurveys,
      Duration resumeWindow, Clock clock) {
    this.jdbi = jdbi;
    this.catalog = catalog;
    this.outbox = outbox;
    this.quietHours = quietHours;
    this.defaultProvider = defaultProvider;
    this.configuredProviders = Set.copyOf(configuredProviders);
    this.reminders = reminders;
    this.reminderDelay = reminderDelay;
    this.nudgeSurveys = List.copyOf(nudgeSurveys);
    this.resumeWindow = resumeWindow;
    this.clock = clock;
  }

  /** Queues the reminders due now; returns how many. */
  public int remind() {
    if (reminders == 0) {
      return 0;
    }
    Instant now = clock.instant();
    List<FollowUpRow> due = jdbi.withExtension(FollowUpDao.class, dao -> dao.remindersDue(reminders, now.minus(reminderDelay), BATCH));
    int queued = 0;
    for (FollowUpRow row : due) {
      int number = row.sent() + 1;
      boolean sent = jdbi.inTransaction(h -> {
        if (!h.attach(FollowUpDao.class).reminded(row.surveyId(), row.respondentId(), number, now)) {
          return false;
        }
        SurveyDefinition survey = survey(row).definition();
        String language = language(row, survey);
        String text = SmsTexts.in(language, SmsTexts.Text.REMINDER, Map.of(
            "title", title(survey, language), "keyword", survey.triggers().smsKeywords().isEmpty() ? "HELP"
                : survey.triggers().smsKeywords().get(0)));
        return outbox.enqueue(h, new OutboxDraft(MessageKind.REMINDER, "reminder:" + row.surveyId() + ":" + row.respondentId()
            + ":" + number, provider(row), row.respondentId(), text, quietHours.nextAllowed(now), row.surveyId(),
            row.sessionId())).isPresent();
      });
      queued += sent ? 1 : 0;
    }
    return queued;
  }

  /** Queues the nudges due now; returns how many. */
  public int nudge() {
    if (nudgeSurveys.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<FollowUpRow> due = jdbi.withExtension(FollowUpDao.class,
        dao -> dao.nudgesDue(nudgeSurveys, now.minus(DROPPED_AFTER), now.minus(resumeWindow), BATCH));
    int queued = 0;
    for (FollowUpRow row : due) {
      SurveyDefinition survey = survey(row).definition();
      if (survey.triggers().ussdCodes().isEmpty()) {
        continue;
      }
      String text = SmsTexts.in(language(row, survey), SmsTexts.Text.NUDGE, Map.of("code", survey.triggers().ussdCodes().get(0)));
      boolean sent = jdbi.inTransaction(h -> outbox.enqueue(h, new OutboxDraft(MessageKind.NUDGE, "nudge:" + row.sessionId(),
          defaultProvider, row.respondentId(), text, quietHours.nextAllowed(now), row.surveyId(), row.sessionId())).isPresent());
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
