package org.kila.gateway.admin.surveys;

import java.time.Instant;
import org.kila.gateway.store.SurveyStatus;

/** A version of a survey without its definition, for lists. {@code launchedAt} is null until first launched. */
public record VersionSummary(String surveyId, int version, SurveyStatus status, Instant createdAt, Instant launchedAt) {}
