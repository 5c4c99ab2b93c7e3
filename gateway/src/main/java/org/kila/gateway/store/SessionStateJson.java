package org.kila.gateway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kila.survey.engine.SessionState;

/**
 * The stored form of the engine's {@link SessionState}: JSON with the record's component names
 * ({@code surveyId}, {@code stage}, {@code answers}, {@code profile}, ...) in {@code survey_session.state}.
 * The export reads {@code state -> 'profile'} directly. Unknown fields are ignored, so a state written by
 * a newer Kila can still be read by an older one during a rolling upgrade.
 */
public final class SessionStateJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SessionStateJson() {}

  public static String write(SessionState state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a SessionState could not be written as JSON", e);
    }
  }

  /** @throws IllegalArgumentException when {@code json} is not a stored session state */
  public static SessionState read(String json) {
    try {
      return JSON.readValue(json, SessionState.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a stored session state: " + e.getMessage(), e);
    }
  }
}
