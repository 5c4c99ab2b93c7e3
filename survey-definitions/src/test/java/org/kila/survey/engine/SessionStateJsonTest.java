package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionStateJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aStateSurvivesItsJsonForm() throws Exception {
    SessionState state = new SessionState("youth-voice", 3, "sw", Stage.QUESTION, "county", 1, 2,
        Map.of("gender", "female", "problems", "queue dirty", "age", "17"), List.of("gender", "problems", "age"),
        Map.of("gender", "female", "age_band", "15-19"), Hint.INVALID_ANSWER);
    String text = json.writeValueAsString(state);
    assertEquals(state, json.readValue(text, SessionState.class));
    assertTrue(text.contains("\"questionId\":\"county\"") && text.contains("\"hint\":\"INVALID_ANSWER\""), text);
  }

  @Test
  void aStateBeforeTheFirstQuestionSurvivesToo() throws Exception {
    SessionState state = new SessionState("youth-voice", 3, null, Stage.CHOOSING_LANGUAGE, null, 0, 0,
        Map.of(), List.of(), Map.of(), Hint.NONE);
    assertEquals(state, json.readValue(json.writeValueAsString(state), SessionState.class));
  }

  @Test
  void aStateStaysSmall() throws Exception {
    Phone phone = Phone.dial(NavigationTest.COAST).answers("1").answers("98").answers("11").answers("1");
    String text = json.writeValueAsString(phone.state());
    assertTrue(text.length() < 400, "no rendered text in the state: " + text);
    assertTrue(!text.contains("Which county"), text);
  }
}
