package org.kila.survey.model;

/**
 * The optional consent screen shown before the first question. Its answer choices are the yes/no labels
 * of {@link Messages}; declining ends the session with {@link Messages#declined()} and stores nothing but
 * the decline.
 */
public record Consent(LocalizedText text) {}
