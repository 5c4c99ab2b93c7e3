package org.kila.gateway.admin.surveys;

/** How many sessions of a survey started and completed, all versions together (raw: suppress before publishing). */
public record SurveyTotals(String surveyId, int started, int completed) {}
