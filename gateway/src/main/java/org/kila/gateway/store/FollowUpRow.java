package org.kila.gateway.store;

import java.util.UUID;

/**
 * Someone due a text Kila sends first: a reminder about a survey, or the nudge after a dropped USSD
 * session.
 *
 * @param language the invitation's or the session's language, or null (then the survey's first)
 * @param provider the provider the respondent was invited through or texted on, or null (USSD)
 * @param sent reminders sent so far (0 for a nudge)
 * @param sessionId the unfinished session, or null (invited, not started)
 * @param channel that session's channel, {@code ussd} or {@code sms}, or null
 */
public record FollowUpRow(
    String surveyId,
    int surveyVersion,
    UUID respondentId,
    String language,
    String provider,
    int sent,
    UUID sessionId,
    String channel) {}
