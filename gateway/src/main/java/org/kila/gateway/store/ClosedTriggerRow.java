package org.kila.gateway.store;

/**
 * A USSD code or SMS keyword of a survey that is over, with the version that last had it and that
 * version's first language (see {@link SurveyDao#closedTriggers}).
 *
 * @param channel {@code ussd} or {@code sms}
 */
public record ClosedTriggerRow(String surveyId, int version, String channel, String trigger, String language) {}
