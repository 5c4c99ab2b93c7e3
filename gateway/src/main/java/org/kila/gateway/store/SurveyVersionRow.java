package org.kila.gateway.store;

import java.time.Instant;

/**
 * A row of {@code survey_version}.
 *
 * @param definition the validated definition as JSON text
 * @param launchedAt when it was first launched; null for a draft
 */
public record SurveyVersionRow(
    String surveyId, int version, String title, String definition, SurveyStatus status, Instant createdAt,
    Instant launchedAt) {}
