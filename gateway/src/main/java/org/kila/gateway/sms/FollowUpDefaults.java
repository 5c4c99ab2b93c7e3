package org.kila.gateway.sms;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.kila.gateway.config.SmsConfig;
import org.kila.survey.model.SmsSettings;
import org.kila.survey.model.SurveyDefinition;

/**
 * The gateway's SMS follow-up options ({@code KILA_SMS_QUIET_HOURS} to {@code KILA_SMS_FINISH_BY_SMS}),
 * which are only defaults: {@link #of} gives the settings one survey runs with, where every value its own
 * {@code "sms"} block sets wins and every value it leaves out is the gateway's.
 *
 * @param nudgeSurveys surveys nudged when they do not say themselves whether to nudge
 */
public record FollowUpDefaults(
    Optional<SmsConfig.QuietHours> quietHours,
    ZoneId timeZone,
    int reminders,
    Duration reminderDelay,
    Set<String> nudgeSurveys,
    boolean finishBySms) {

  public FollowUpDefaults {
    nudgeSurveys = Set.copyOf(nudgeSurveys);
  }

  public static FollowUpDefaults from(SmsConfig config) {
    return new FollowUpDefaults(config.quietHours(), config.timeZone(), config.reminders(), config.reminderDelay(),
        config.nudgeSurveys(), config.finishBySms());
  }

  /** The settings {@code survey} runs with. It has been validated, so what it sets reads well. */
  public FollowUpSettings of(SurveyDefinition survey) {
    SmsSettings own = survey.sms();
    Optional<SmsConfig.QuietHours> hours = own.quietHours() == null ? quietHours
        : own.hours().map(h -> new SmsConfig.QuietHours(h.start(), h.end()));
    ZoneId zone = own.timeZone() == null ? timeZone : ZoneId.of(own.timeZone());
    return new FollowUpSettings(
        new QuietHours(hours, zone),
        own.reminders() == null ? reminders : own.reminders(),
        own.delay().orElse(reminderDelay),
        own.nudge() == null ? nudgeSurveys.contains(survey.id()) : own.nudge(),
        own.finishBySms() == null ? finishBySms : own.finishBySms());
  }
}
