package org.kila.survey.model;

/**
 * The fixed texts of a survey: closing messages and the short labels of the navigation and yes/no
 * answers. Any field may be null in the JSON; the reader fills it from built-in defaults for the
 * languages it knows, and the validator reports a language left without a translation.
 */
public record Messages(
    LocalizedText completed,
    LocalizedText screenedOut,
    LocalizedText declined,
    LocalizedText gaveUp,
    LocalizedText invalidHint,
    LocalizedText back,
    LocalizedText more,
    LocalizedText yes,
    LocalizedText no,
    LocalizedText chooseLanguage,
    LocalizedText welcomeBack) {}
