package org.kila.gateway.survey;

/**
 * A survey that is over (closed, nothing launched or paused), as the catalog knows it by a USSD code or
 * SMS keyword it had, so that a respondent who dials or texts it is told that the survey has closed.
 *
 * @param version the newest version that was launched
 * @param language that version's first language
 */
public record ClosedSurvey(String surveyId, int version, String language) {}
