package org.kila.survey.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Question;
import org.kila.survey.render.ScreenRenderer;

/**
 * The survey engine: a pure function of (survey, state, input, context) to a {@link Turn}. No I/O, no
 * clock of its own, no statics with state.
 *
 * <p>A session chooses its language (when the survey has several and none was preferred), gives or
 * declines consent (when the survey asks), then answers each question whose condition holds. On any
 * screen the More key shows the next page and the Back key the previous page, or from a first page the
 * last question answered; each key works only where its line is on screen, and is read as an answer
 * elsewhere. Stratifiers the respondent's profile already holds are not asked but recorded as carried
 * over. A quota is checked once, when the respondent's stratum in it becomes known. A timed-out or
 * closed session is interrupted and resumes on the screen it was on; a finished session only repeats
 * its closing message.
 */
public final class SurveyEngine {
  private final ScreenRenderer renderer = new ScreenRenderer();

  /**
   * One step. {@code state} is null exactly when {@code input} is {@link Input.Started}. The screen of an
   * interrupted session is empty: nobody is there to read it.
   */
  public Turn step(CompiledSurvey survey, SessionState state, Input input, StepContext context) {
    if (input instanceof Input.Started started) {
      if (state != null) {
        throw new IllegalArgumentException("a started session has no state yet, got one at stage " + state.stage());
      }
      return new Hop(survey, initialState(survey, started), context, renderer).start();
    }
    if (state == null) {
      throw new IllegalArgumentException("only a started session comes without a state, got " + input);
    }
    if (!state.surveyId().equals(survey.id()) || state.surveyVersion() != survey.version()) {
      throw new IllegalArgumentException("the state is of survey " + state.surveyId() + " v" + state.surveyVersion()
          + ", not of " + survey.id() + " v" + survey.version());
    }
    Hop hop = new Hop(survey, state, context, renderer);
    if (state.stage().isFinal()) {
      return hop.closingAgain();
    }
    if (input instanceof Input.TimedOut || input instanceof Input.Closed) {
      // Already interrupted: the channel telling us twice is not a second drop.
      return state.stage() == Stage.INTERRUPTED ? new Turn(state, "", List.of(), true) : hop.interrupt();
    }
    if (input instanceof Input.Answered answered && state.stage() != Stage.INTERRUPTED) {
      return hop.answer(answered.text());
    }
    // Resumed, or text typed into an interrupted session: the respondent cannot know which screen the
    // text answers, so they see that screen again instead.
    return hop.resume();
  }

  private static SessionState initialState(CompiledSurvey survey, Input.Started started) {
    List<String> codes = survey.definition().languageCodes();
    String preferred = started.preferredLanguage();
    String language = preferred != null && codes.contains(preferred) ? preferred
        : codes.size() == 1 ? codes.get(0) : null;
    // Only the profile keys this survey asks about: the rest would only make the stored state bigger.
    Map<String, String> profile = new HashMap<>();
    for (Question question : survey.definition().questions()) {
      if (question.isStratifier()) {
        String key = question.stratifier().profileKey();
        String value = started.knownProfile().get(key);
        if (value != null) {
          profile.put(key, value);
        }
      }
    }
    return new SessionState(survey.id(), survey.version(), language, Stage.CHOOSING_LANGUAGE, null, 0, 0,
        Map.of(), List.of(), profile, Hint.NONE);
  }
}
