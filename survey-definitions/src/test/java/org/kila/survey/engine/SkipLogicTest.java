package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kila.survey.engine.SurveyBuilder.multiple;
import static org.kila.survey.engine.SurveyBuilder.number;
import static org.kila.survey.engine.SurveyBuilder.single;
import static org.kila.survey.engine.SurveyBuilder.survey;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kila.survey.model.Condition;
import org.kila.survey.model.Condition.All;
import org.kila.survey.model.Condition.Any;
import org.kila.survey.model.Condition.AnyOf;
import org.kila.survey.model.Condition.InRange;
import org.kila.survey.model.Condition.Not;

class SkipLogicTest {
  private static final CompiledSurvey SURVEY = survey("skip")
      .question(single("water", "Main water source?").choice("tap", "Tap").choice("well", "Well").choice("river", "River"))
      .question(multiple("problems", "Problems?").choice("queue", "Queue").choice("cost", "Cost").choice("dirty", "Dirty"))
      .question(number("age", "Age?", 10, 99))
      .build();

  private static boolean holds(Condition condition, Map<String, String> answers) {
    return SkipLogic.holds(condition, answers, SURVEY);
  }

  @Test
  void noConditionAlwaysHolds() {
    assertTrue(holds(null, Map.of()));
  }

  @Test
  void anyOfMatchesASingleAnswerExactly() {
    AnyOf unsafe = new AnyOf("water", List.of("well", "river"));
    assertTrue(holds(unsafe, Map.of("water", "river")));
    assertFalse(holds(unsafe, Map.of("water", "tap")));
  }

  @Test
  void anyOfOnMultipleChoiceMatchesAnyPickedValue() {
    AnyOf paid = new AnyOf("problems", List.of("cost"));
    assertTrue(holds(paid, Map.of("problems", "queue cost")));
    assertFalse(holds(paid, Map.of("problems", "queue dirty")));
  }

  @Test
  void aConditionOnAnUnansweredQuestionIsFalseAndItsNegationTrue() {
    AnyOf tap = new AnyOf("water", List.of("tap"));
    assertFalse(holds(tap, Map.of()));
    assertTrue(holds(new Not(tap), Map.of()));
    assertFalse(holds(new InRange("age", 0L, null), Map.of()));
  }

  @Test
  void inRangeIncludesItsBoundsAndAllowsOpenEnds() {
    InRange youth = new InRange("age", 15L, 24L);
    assertTrue(holds(youth, Map.of("age", "15")));
    assertTrue(holds(youth, Map.of("age", "24")));
    assertFalse(holds(youth, Map.of("age", "25")));
    assertTrue(holds(new InRange("age", null, 17L), Map.of("age", "12")));
    assertTrue(holds(new InRange("age", 60L, null), Map.of("age", "99")));
  }

  @Test
  void aBandCarriedOverInsteadOfANumberIsNotInAnyRange() {
    assertFalse(holds(new InRange("age", 15L, 19L), Map.of("age", "15-19")));
  }

  @Test
  void allAndAnyCombine() {
    Map<String, String> answers = Map.of("water", "river", "age", "30");
    AnyOf river = new AnyOf("water", List.of("river"));
    InRange youth = new InRange("age", 15L, 24L);
    assertFalse(holds(new All(List.of(river, youth)), answers));
    assertTrue(holds(new Any(List.of(river, youth)), answers));
    assertTrue(holds(new All(List.of(river, new Not(youth))), answers));
  }
}
