package org.kila.bench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Screens exactly as the gateway sends them for the bundled youth-voice-ke survey. */
class SurveyScriptTest {
  static final Path EXAMPLE = Path.of("../survey-definitions/examples/youth-voice-ke.json");
  static SurveyScript script;

  @BeforeAll
  static void read() throws Exception {
    script = SurveyScript.read(EXAMPLE);
  }

  @Test
  void knowsTheCodeThatStartsTheSurvey() {
    assertEquals("*384*12#", script.ussdCode());
  }

  @Test
  void readsTheLanguageScreen() {
    Screen s = script.read("CON Choose your language\n1. English\n2. Kiswahili");
    assertEquals(Screen.Kind.LANGUAGE, s.kind());
    assertEquals("sw", script.languageNamed(s.options().get(1).label()));
  }

  @Test
  void readsTheConsentScreen() {
    Screen s = script.read("CON Youth Voice asks young people aged 18-35 about taking part in county decisions. "
        + "About 12 questions, free. Answers stay private. Continue?\n1. Yes\n2. No");
    assertEquals(Screen.Kind.CONSENT, s.kind());
  }

  @Test
  void readsAPagedQuestionWithOnlyItsVisibleOptions() {
    Screen s = script.read("CON Do you have difficulty seeing, hearing, walking, remembering, washing or dressing, "
        + "or communicating?\n1. No difficulty\n2. Some difficulty\n98 More\n0 Back");
    assertEquals(Screen.Kind.QUESTION, s.kind());
    assertEquals("disability", s.question().id());
    assertEquals(2, s.options().size(), "98 More and 0 Back are not answers");
    assertEquals("some_difficulty", s.question().valueOfOption(2, "Some difficulty"));
  }

  @Test
  void readsTheQuestionUnderAnInvalidHintAndUnderWelcomeBack() {
    assertEquals("age", script.read("CON Invalid answer, try again\nHow old are you? Enter your age in years "
        + "(18-35).\n0 Back").question().id());
    assertEquals("age", script.read("CON Welcome back! Let's continue where you left off.\nHow old are you? "
        + "Enter your age in years (18-35).\n0 Back").question().id());
  }

  @Test
  void readsSwahiliScreensToo() {
    Screen s = script.read("CON Jinsia yako ni ipi?\n1. Mwanamke\n2. Mwanamume\n3. Nyingine\n4. Sipendi kusema");
    assertEquals("gender", s.question().id());
    assertEquals("male", s.question().valueOfOption(2, "Mwanamume"));
  }

  @Test
  void tellsTheThankYouFromAPoliteRefusal() {
    assertEquals(Screen.Kind.COMPLETED, script.read("END Thank you! Your voice has been counted. Share *384*12# "
        + "with other young people.").kind());
    Screen busy = script.read("END Sorry, we cannot take your answer right now. Please dial again shortly.");
    assertTrue(busy.ends());
    assertEquals(Screen.Kind.OTHER, busy.kind());
  }

  @Test
  void aReplyThatIsNeitherConNorEndIsNotAScreen() {
    assertNull(script.read("<html>502 Bad Gateway</html>"));
  }
}
