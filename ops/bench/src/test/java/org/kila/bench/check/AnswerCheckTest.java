package org.kila.bench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kila.bench.load.Respondent;
import org.kila.bench.survey.SurveyScript;

class AnswerCheckTest {
  static SurveyScript script;

  @BeforeAll
  static void read() throws Exception {
    script = SurveyScript.read(Path.of("../survey-definitions/examples/youth-voice-ke.json"));
  }

  /** A respondent who answered gender (acknowledged) and sent an age that is still pending. */
  static Respondent genderAcknowledgedAgePending() {
    Respondent r = new Respondent(1, "t", script, 1, 3, -1);
    r.dial();
    r.onReply(RespondentFixture.LANGUAGE);
    r.onReply(RespondentFixture.CONSENT);
    r.onReply(RespondentFixture.GENDER);
    r.onReply(RespondentFixture.AGE);
    r.onFailure();
    return r;
  }

  static String gender(Respondent r) {
    return r.acknowledged().get(0).value();
  }

  @Test
  void everythingStoredOnceIsAPass() {
    Respondent r = genderAcknowledgedAgePending();
    AnswerCheck.Result result = AnswerCheck.compare(List.of(r), Map.of("t-1-1", "s1"),
        Map.of("s1", List.of(new AnswerCheck.Stored("gender", gender(r)),
            new AnswerCheck.Stored("age", r.pending().value()))));
    assertTrue(result.passed(), result.summary());
    assertEquals(1, result.acknowledged());
    assertEquals(1, result.pendingStored(), "the in-flight age was stored: fine, once");
  }

  @Test
  void aMissingAcknowledgedAnswerIsLostAndAMissingPendingOneIsNot() {
    Respondent r = genderAcknowledgedAgePending();
    AnswerCheck.Result result = AnswerCheck.compare(List.of(r), Map.of("t-1-1", "s1"), Map.of());
    assertEquals(1, result.lost());
    assertFalse(result.passed());
  }

  @Test
  void aSecondRowForTheSameQuestionIsADuplicate() {
    Respondent r = genderAcknowledgedAgePending();
    AnswerCheck.Result result = AnswerCheck.compare(List.of(r), Map.of("t-1-1", "s1"),
        Map.of("s1", List.of(new AnswerCheck.Stored("gender", gender(r)), new AnswerCheck.Stored("gender", gender(r)),
            new AnswerCheck.Stored("age", r.pending().value()), new AnswerCheck.Stored("age", r.pending().value()))));
    assertEquals(2, result.duplicated());
  }

  @Test
  void anAnswerNobodyGaveIsAPhantom() {
    Respondent r = genderAcknowledgedAgePending();
    AnswerCheck.Result result = AnswerCheck.compare(List.of(r), Map.of("t-1-1", "s1"),
        Map.of("s1", List.of(new AnswerCheck.Stored("gender", gender(r)), new AnswerCheck.Stored("priority", "jobs"))));
    assertEquals(1, result.phantom());
    assertFalse(result.passed());
  }

  @Test
  void dialsLandingOnTwoSurveySessionsAreASplit() {
    Respondent r = genderAcknowledgedAgePending();
    r.dial();
    Map<String, String> sessionOf = new HashMap<>(Map.of("t-1-1", "s1", "t-1-2", "s2"));
    AnswerCheck.Result result = AnswerCheck.compare(List.of(r), sessionOf,
        Map.of("s1", List.of(new AnswerCheck.Stored("gender", gender(r)))));
    assertEquals(1, result.split());
    assertFalse(result.passed());
  }
}
