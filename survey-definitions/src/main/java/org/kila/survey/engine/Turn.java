package org.kila.survey.engine;

import java.util.List;

/**
 * The result of one step: the new state, the screen to show (already rendered within the channel's
 * budget), what happened, and whether the session is over (USSD "END").
 */
public record Turn(SessionState state, String screen, List<SurveyEvent> events, boolean done) {
  public Turn {
    events = List.copyOf(events);
  }
}
