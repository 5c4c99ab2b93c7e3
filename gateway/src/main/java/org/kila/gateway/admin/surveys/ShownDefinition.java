package org.kila.gateway.admin.surveys;

/** The definition that stands for a survey in lists: the launched version's, else the newest version's. */
public record ShownDefinition(String surveyId, String definition) {}
