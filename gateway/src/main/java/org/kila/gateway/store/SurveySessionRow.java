package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;
import org.kila.survey.render.ChannelProfile.Channel;

/**
 * A row of {@code survey_session}: one respondent's pass through one survey version.
 *
 * @param state the engine's {@code SessionState} as JSON (see {@link SessionStateJson})
 * @param currentQuestion the question on screen, or null
 * @param endedAt null until the session is finished
 */
public record SurveySessionRow(
    UUID id,
    String surveyId,
    int surveyVersion,
    UUID respondentId,
    Channel channel,
    String aggregator,
    SessionStatus status,
    String state,
    String currentQuestion,
    Instant startedAt,
    Instant updatedAt,
    Instant endedAt) {}
