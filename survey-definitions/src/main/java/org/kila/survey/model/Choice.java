package org.kila.survey.model;

/**
 * One answer option. {@code value} is what is stored and exported (stable, [A-Za-z0-9_.-]); {@code label}
 * is what the respondent reads. {@code preferNotToSay} marks the first-class "prefer not to say" answer:
 * counted like any other, never imputed.
 */
public record Choice(String value, LocalizedText label, boolean preferNotToSay) {}
