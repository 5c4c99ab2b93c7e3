package org.kila.survey.model;

/** A language a survey is offered in: its code (BCP 47, e.g. "sw") and its name as its speakers write it. */
public record Language(String code, String name) {}
