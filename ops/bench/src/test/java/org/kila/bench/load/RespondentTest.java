package org.kila.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kila.bench.survey.SurveyScript;

/** A respondent's ledger through replies as the gateway sends them, failures and redials included. */
class RespondentTest {
  static final String LANGUAGE = "CON Choose your language\n1. English\n2. Kiswahili";
  static final String CONSENT = "CON Youth Voice asks young people aged 18-35 about taking part in county decisions. "
      + "About 12 questions, free. Answers stay private. Continue?\n1. Yes\n2. No";
  static final String GENDER = "CON What is your gender?\n1. Female\n2. Male\n3. Other\n4. Prefer not to say";
  static final String AGE = "CON How old are you? Enter your age in years (18-35).\n0 Back";
  static final String DISABILITY = "CON Do you have difficulty seeing, hearing, walking, remembering, washing or "
      + "dressing, or communicating?\n1. No difficulty\n2. Some difficulty\n98 More\n0 Back";
  static final String BUSY = "END Sorry, we cannot take your answer right now. Please dial again shortly.";
  static SurveyScript script;

  @BeforeAll
  static void read() throws Exception {
    script = SurveyScript.read(Path.of("../survey-definitions/examples/youth-voice-ke.json"));
  }

  static Respondent respondent() {
    Respondent r = new Respondent(42, "t", script, 1, 3, -1);
    r.dial();
    return r;
  }

  @Test
  void sendsEveryInputSoFarJoinedByStars() {
    Respondent r = respondent();
    assertEquals("", r.text());
    assertEquals(Respondent.Action.SEND, r.onReply(LANGUAGE));
    assertEquals(Respondent.Action.SEND, r.onReply(CONSENT));
    assertEquals(Respondent.Action.SEND, r.onReply(GENDER));
    assertTrue(r.text().matches("[12]\\*1\\*[1-4]"), r.text());
    assertEquals("+254700000042", r.phone());
  }

  @Test
  void anAnswerIsAcknowledgedOnlyWhenTheNextQuestionArrives() {
    Respondent r = respondent();
    r.onReply(LANGUAGE);
    r.onReply(CONSENT);
    r.onReply(GENDER);
    assertTrue(r.acknowledged().isEmpty());
    r.onReply(AGE);
    assertEquals(1, r.acknowledged().size());
    assertEquals("gender", r.acknowledged().get(0).questionId());
  }

  @Test
  void anAnswerSentInAFailedHopIsPendingUntilTheRedialShowsWhetherItWasStored() {
    Respondent r = respondent();
    r.onReply(LANGUAGE);
    r.onReply(CONSENT);
    r.onReply(GENDER);
    r.onReply(AGE);
    assertEquals(Respondent.Action.REDIAL, r.onFailure());
    assertEquals("age", r.pending().questionId());
    r.dial();
    assertEquals("t-42-2", r.externalId());
    // The redial lands on the next question: the age was stored before the hop failed.
    r.onReply("CON Welcome back! Let's continue where you left off.\n" + DISABILITY.substring(4));
    assertEquals(List.of("gender", "age"), r.acknowledged().stream().map(Respondent.Answer::questionId).toList());
    assertEquals(0, r.wrongResumes());
    assertEquals(1, r.resumes());
  }

  @Test
  void aRedialOnTheSameQuestionMeansThePendingAnswerWasNotStored() {
    Respondent r = respondent();
    r.onReply(LANGUAGE);
    r.onReply(CONSENT);
    r.onReply(GENDER);
    r.onReply(AGE);
    r.onReply(BUSY);
    r.dial();
    r.onReply("CON Welcome back! Let's continue where you left off.\n" + AGE.substring(4));
    assertEquals(1, r.acknowledged().size());
    assertEquals("age", r.pending().questionId(), "answered again");
    assertEquals(0, r.refusedAnswers());
  }

  @Test
  void aRedialThatGoesBackToAnAnsweredQuestionIsAWrongResume() {
    Respondent r = respondent();
    r.onReply(LANGUAGE);
    r.onReply(CONSENT);
    r.onReply(GENDER);
    r.onReply(AGE);
    r.onFailure();
    r.dial();
    r.onReply(GENDER);
    assertEquals(1, r.wrongResumes());
  }

  @Test
  void hangsUpOnceOnTheQuestionAfterItsShareOfAnswersAndExpectsItOnTheRedial() {
    Respondent r = new Respondent(42, "t", script, 1, 3, -1, 1);
    r.dial();
    r.onReply(LANGUAGE);
    r.onReply(CONSENT);
    assertEquals(Respondent.Action.SEND, r.onReply(GENDER), "no answer acknowledged yet");
    assertEquals(Respondent.Action.HANG_UP, r.onReply(AGE));
    assertTrue(r.hungUp());
    assertNull(r.pending(), "the gender was acknowledged by the age screen; nothing is in flight");
    assertEquals(4, r.hopsThisDial(), "the dial and one hop per input (language, consent, gender)");
    r.dial();
    assertEquals("t-42-2", r.externalId());
    assertEquals(2, r.dials());
    assertEquals(Respondent.Action.SEND, r.onReply("CON Welcome back! Let's continue where you left off.\n"
        + AGE.substring(4)), "continues, and does not hang up a second time");
    assertEquals(1, r.resumes());
    assertEquals(0, r.wrongResumes());
  }

  @Test
  void aRedialAfterAHangUpThatStartsOverIsAWrongResume() {
    Respondent r = new Respondent(42, "t", script, 1, 3, -1, 1);
    r.dial();
    r.onReply(LANGUAGE);
    r.onReply(CONSENT);
    r.onReply(GENDER);
    r.onReply(AGE);
    r.dial();
    r.onReply(LANGUAGE);
    assertEquals(1, r.wrongResumes());
  }

  @Test
  void givesUpAfterTooManyFailuresInARow() {
    Respondent r = respondent();
    assertEquals(Respondent.Action.REDIAL, r.onFailure());
    assertEquals(Respondent.Action.REDIAL, r.onFailure());
    assertEquals(Respondent.Action.REDIAL, r.onFailure());
    assertEquals(Respondent.Action.DONE, r.onFailure());
    assertEquals(Respondent.Outcome.GAVE_UP, r.outcome());
  }

  @Test
  void theThankYouConfirmsTheLastAnswer() {
    Respondent r = respondent();
    r.onReply(LANGUAGE);
    r.onReply(CONSENT);
    r.onReply(GENDER);
    assertEquals(Respondent.Action.DONE, r.onReply("END Thank you! Your voice has been counted. Share *384*12# "
        + "with other young people."));
    assertEquals(Respondent.Outcome.COMPLETED, r.outcome());
    assertNull(r.pending());
    assertEquals(1, r.acknowledged().size());
  }

  @Test
  void aScreenItCannotReadEndsItsRun() {
    Respondent r = respondent();
    assertEquals(Respondent.Action.DONE, r.onReply("CON Something else entirely\n1. Ok"));
    assertEquals(Respondent.Outcome.BROKEN, r.outcome());
  }
}
