package org.kila.survey.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kila.survey.model.Band;
import org.kila.survey.model.Question;
import org.kila.survey.model.Settings;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.render.ScreenRenderer;
import org.kila.survey.render.ScreenRenderer.Pages;
import org.kila.survey.render.ScreenRenderer.Prompt;

/**
 * One step's working copy of a session: the survey's flow moves it along, collecting events, and it ends
 * as a {@link Turn}. Made afresh for every step and never shared, so the engine itself keeps no state.
 */
final class Hop {
  private final CompiledSurvey survey;
  private final SurveyDefinition definition;
  private final Settings settings;
  private final StepContext context;
  private final ScreenRenderer renderer;
  private final Prompts prompts;

  private String language;
  private Stage stage;
  private String questionId;
  private int page;
  private int invalidTries;
  private Hint hint;
  private final Map<String, String> answers;
  private final List<String> path;
  private final Map<String, String> profile;
  private final List<SurveyEvent> events = new ArrayList<>();

  Hop(CompiledSurvey survey, SessionState state, StepContext context, ScreenRenderer renderer) {
    this.survey = survey;
    this.definition = survey.definition();
    this.settings = definition.settings() == null ? Settings.DEFAULTS : definition.settings();
    this.context = context;
    this.renderer = renderer;
    this.prompts = new Prompts(definition, settings);
    this.language = state.language();
    this.stage = state.stage();
    this.questionId = state.questionId();
    this.page = state.page();
    this.invalidTries = state.invalidTries();
    this.hint = state.hint();
    this.answers = new HashMap<>(state.answers());
    this.path = new ArrayList<>(state.path());
    this.profile = new HashMap<>(state.profile());
  }

  /** A new session: choose the language unless it is known, then consent, then the questions. */
  Turn start() {
    if (language == null) {
      stage = Stage.CHOOSING_LANGUAGE;
      return show();
    }
    return afterLanguage();
  }

  /** The current screen again from its first page, welcoming the respondent back. */
  Turn resume() {
    if (stage == Stage.INTERRUPTED) {
      // Which screen was open follows from what is known: no language yet, no question yet, or a question.
      stage = language == null ? Stage.CHOOSING_LANGUAGE : questionId == null ? Stage.CONSENT : Stage.QUESTION;
    }
    page = 0;
    hint = Hint.WELCOME_BACK;
    return show();
  }

  Turn interrupt() {
    events.add(new SurveyEvent.Interrupted(questionId));
    stage = Stage.INTERRUPTED;
    page = 0;
    return turn("", true);
  }

  /** The closing message of a final stage, again, with nothing recorded. */
  Turn closingAgain() {
    return turn(prompts.closing(stage, language), true);
  }

  /** What the respondent typed on the current screen: More, Back, or an answer. */
  Turn answer(String text) {
    Prompt prompt = currentPrompt();
    Pages pages = renderer.layout(prompt, context.channel());
    int shown = Math.min(page, pages.pages().size() - 1);
    String typed = text.trim();
    // A key navigates only where its line is on screen; elsewhere it is read as an answer.
    if (typed.equals(settings.moreKey()) && shown < pages.pages().size() - 1) {
      page = shown + 1;
      return turn(pages.pages().get(page), false);
    }
    if (typed.equals(settings.backKey()) && prompt.backLine() != null && (shown > 0 || prompt.canGoBack())) {
      if (shown > 0) {
        page = shown - 1;
        return turn(pages.pages().get(page), false);
      }
      return backToPreviousQuestion();
    }
    return switch (stage) {
      case CHOOSING_LANGUAGE -> chooseLanguage(typed);
      case CONSENT -> consent(typed);
      case QUESTION -> answerQuestion(text);
      default -> throw new IllegalStateException("no answer is read at stage " + stage);
    };
  }

  private Turn chooseLanguage(String typed) {
    int n = AnswerParser.choiceNumber(typed, definition.languages().size());
    if (n == 0) {
      return invalid(AnswerParser.NOT_A_CHOICE);
    }
    language = definition.languages().get(n - 1).code();
    events.add(new SurveyEvent.LanguageChosen(language));
    return afterLanguage();
  }

  private Turn afterLanguage() {
    if (definition.consent() != null) {
      showScreen(Stage.CONSENT, null);
      return show();
    }
    return beginQuestions();
  }

  private Turn consent(String typed) {
    switch (AnswerParser.choiceNumber(typed, 2)) {
      case 1:
        events.add(new SurveyEvent.ConsentGiven());
        return beginQuestions();
      case 2:
        events.add(new SurveyEvent.ConsentDeclined());
        return finish(Stage.DECLINED);
      default:
        return invalid(AnswerParser.NOT_A_CHOICE);
    }
  }

  /** Quotas already decided by the carried-over profile are checked once consent is given, then question one. */
  private Turn beginQuestions() {
    Optional<SurveyEvent.ScreenedOut> full =
        QuotaGate.screenOut(definition.quotas(), Map.of(), profile, context.quotas());
    if (full.isPresent()) {
      events.add(full.get());
      return finish(Stage.SCREENED_OUT);
    }
    return advanceFrom(0);
  }

  private Turn answerQuestion(String text) {
    Question question = currentQuestion();
    AnswerParser.Parsed parsed = AnswerParser.parse(question, text);
    if (!parsed.ok()) {
      return invalid(parsed.reason());
    }
    answers.put(question.id(), parsed.value());
    path.add(question.id());
    events.add(new SurveyEvent.AnswerRecorded(question.id(), parsed.value(), false));
    if (question.isStratifier()) {
      String captured = stratifierValue(question, parsed.value());
      if (captured != null) {
        Map<String, String> before = Map.copyOf(profile);
        profile.put(question.stratifier().profileKey(), captured);
        events.add(new SurveyEvent.StratifierCaptured(question.stratifier().profileKey(), captured, question.id()));
        Optional<SurveyEvent.ScreenedOut> full =
            QuotaGate.screenOut(definition.quotas(), before, profile, context.quotas());
        if (full.isPresent()) {
          events.add(full.get());
          return finish(Stage.SCREENED_OUT);
        }
      }
    }
    return advanceFrom(survey.indexOf(question.id()) + 1);
  }

  /**
   * The profile value an answer gives: the answer itself, or for a derived stratifier the band holding
   * the number. A number in no band captures nothing (the answer is still recorded): the respondent's
   * stratum stays unknown, so no quota on it screens them out or counts them.
   */
  private static String stratifierValue(Question question, String value) {
    if (!question.stratifier().derived()) {
      return value;
    }
    long n = Long.parseLong(value);
    return question.stratifier().bands().stream().filter(b -> b.contains(n)).map(Band::value).findFirst().orElse(null);
  }

  /**
   * Shows the first question from {@code index} on whose condition holds, recording on the way the
   * stratifiers the profile already knows (for a derived stratifier that is the band, under the
   * question's id); completes the survey when none is left.
   */
  private Turn advanceFrom(int index) {
    List<Question> questions = definition.questions();
    for (int i = index; i < questions.size(); i++) {
      Question question = questions.get(i);
      if (!SkipLogic.holds(question.showIf(), answers, survey)) {
        continue;
      }
      String known = question.isStratifier() ? profile.get(question.stratifier().profileKey()) : null;
      if (known == null) {
        showScreen(Stage.QUESTION, question.id());
        return show();
      }
      // After Back the same carried-over answer is already recorded: say it once.
      if (!known.equals(answers.put(question.id(), known))) {
        events.add(new SurveyEvent.AnswerRecorded(question.id(), known, true));
      }
    }
    events.add(new SurveyEvent.Completed(QuotaGate.cells(definition.quotas(), profile)));
    return finish(Stage.COMPLETED);
  }

  /**
   * Back to the last question answered in this session, forgetting its answer (and the stratifier value
   * it gave, which is asked for again rather than carried over).
   */
  private Turn backToPreviousQuestion() {
    String previous = path.remove(path.size() - 1);
    answers.remove(previous);
    Question question = survey.question(survey.indexOf(previous));
    if (question.isStratifier()) {
      profile.remove(question.stratifier().profileKey());
    }
    showScreen(Stage.QUESTION, previous);
    return show();
  }

  private Turn invalid(String reason) {
    invalidTries++;
    events.add(new SurveyEvent.InvalidAnswer(questionId, reason));
    if (invalidTries >= settings.maxInvalidTries()) {
      events.add(new SurveyEvent.GaveUp(questionId));
      return finish(Stage.GAVE_UP);
    }
    page = 0;
    hint = Hint.INVALID_ANSWER;
    return show();
  }

  private Turn finish(Stage finalStage) {
    stage = finalStage;
    page = 0;
    hint = Hint.NONE;
    return turn(prompts.closing(stage, language), true);
  }

  /** Moves to a new screen: first page, no hint, no invalid answers yet. */
  private void showScreen(Stage newStage, String newQuestionId) {
    stage = newStage;
    questionId = newQuestionId;
    page = 0;
    invalidTries = 0;
    hint = Hint.NONE;
  }

  private Turn show() {
    Pages pages = renderer.layout(currentPrompt(), context.channel());
    // A page past the end only comes from a state laid out for another channel; clamp rather than fail.
    page = Math.min(page, pages.pages().size() - 1);
    return turn(pages.pages().get(page), false);
  }

  private Prompt currentPrompt() {
    return switch (stage) {
      case CHOOSING_LANGUAGE -> prompts.languageChoice(hint);
      case CONSENT -> prompts.consent(language, hint);
      case QUESTION -> prompts.question(currentQuestion(), language, !path.isEmpty(), hint);
      default -> throw new IllegalStateException("no screen to show at stage " + stage);
    };
  }

  private Question currentQuestion() {
    return survey.question(survey.indexOf(questionId));
  }

  private Turn turn(String screen, boolean done) {
    SessionState state = new SessionState(survey.id(), survey.version(), language, stage, questionId, page,
        invalidTries, answers, path, profile, hint);
    return new Turn(state, screen, events, done);
  }
}
