package org.kila.gateway.store;

/**
 * An SMS keyword of a survey that is over, with the version that last had it and that version's first
 * language (see {@link SurveyDao#closedKeywords}).
 */
public record ClosedKeywordRow(String surveyId, int version, String keyword, String language) {}
