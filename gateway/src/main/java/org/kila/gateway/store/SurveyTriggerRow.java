package org.kila.gateway.store;

import org.kila.survey.render.ChannelProfile.Channel;

/**
 * A code or keyword and the survey version it starts, with that version's status (a paused survey's
 * code still finds it, so the respondent can be told).
 */
public record SurveyTriggerRow(Channel channel, String trigger, String surveyId, int version, SurveyStatus status) {}
