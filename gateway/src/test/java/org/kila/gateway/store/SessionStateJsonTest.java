package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kila.survey.engine.Hint;
import org.kila.survey.engine.SessionState;
import org.kila.survey.engine.Stage;

class SessionStateJsonTest {
  final SessionState state = new SessionState("youth", 2, "sw", Stage.QUESTION, "q3", 1, 1,
      Map.of("q1", "2", "q2", "a c"), List.of("q1", "q2"), Map.of("gender", "female", "age_band", "15-19"), Hint.INVALID_ANSWER);

  @Test
  void aStateSurvivesTheRoundTrip() {
    assertEquals(state, SessionStateJson.read(SessionStateJson.write(state)));
  }

  @Test
  void theProfileIsWhereTheExportLooksForIt() {
    assertTrue(SessionStateJson.write(state).contains("\"profile\":{"), SessionStateJson.write(state));
  }

  @Test
  void fieldsFromANewerKilaAreIgnored() {
    String json = SessionStateJson.write(state).replaceFirst("\\{", "{\"addedLater\":true,");
    assertEquals(state, SessionStateJson.read(json));
  }

  @Test
  void somethingElseIsRefusedClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionStateJson.read("[1, 2]"));
    assertTrue(e.getMessage().startsWith("not a stored session state"), e.getMessage());
  }
}
