package org.kila.survey.model;

import java.util.List;

/** What starts a survey: USSD service codes (e.g. "*384*12#") and SMS keywords (e.g. "SAUTI"). */
public record Triggers(List<String> ussdCodes, List<String> smsKeywords) {
  public Triggers {
    ussdCodes = List.copyOf(ussdCodes);
    smsKeywords = List.copyOf(smsKeywords);
  }
}
