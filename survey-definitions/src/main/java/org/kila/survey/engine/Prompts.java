package org.kila.survey.engine;

import java.util.ArrayList;
import java.util.List;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Language;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Messages;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.Settings;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.render.ScreenRenderer.Prompt;

/**
 * Writes the prompt of each kind of screen in the respondent's language: the language choice, the
 * consent, a question, and the closing messages. Options are numbered here, from 1, in the order the
 * answer parser reads them.
 */
final class Prompts {
  private final SurveyDefinition definition;
  private final Settings settings;

  Prompts(SurveyDefinition definition, Settings settings) {
    this.definition = definition;
    this.settings = settings;
  }

  /** Shown before a language is known, so written in the survey's first language. */
  Prompt languageChoice(Hint hint) {
    String language = firstLanguage();
    List<String> names = definition.languages().stream().map(Language::name).toList();
    return prompt(hint, language, text(definition.messages().chooseLanguage(), language), numbered(names), false);
  }

  Prompt consent(String language, Hint hint) {
    return prompt(hint, language, text(definition.consent().text(), language), yesNo(language), false);
  }

  Prompt question(Question question, String language, boolean canGoBack, Hint hint) {
    List<String> options = switch (question.type()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> numbered(question.choices().stream()
          .map(Choice::label).map(label -> text(label, language)).toList());
      case YES_NO -> yesNo(language);
      case NUMBER, TEXT -> List.of();
    };
    Prompt prompt = prompt(hint, language, text(question.text(), language), options, canGoBack);
    if (question.type() == QuestionType.NUMBER && AnswerParser.parse(question, settings.backKey()).ok()) {
      // "0" children is an answer, not Back: such a screen offers no Back line, and the key reads as a number.
      return new Prompt(prompt.hint(), prompt.text(), prompt.options(), prompt.moreLine(), null, false);
    }
    return prompt;
  }

  /** The message a session ends with; shown whole, as the session takes no more input. */
  String closing(Stage stage, String language) {
    Messages messages = definition.messages();
    LocalizedText message = switch (stage) {
      case COMPLETED -> messages.completed();
      case SCREENED_OUT -> messages.screenedOut();
      case DECLINED -> messages.declined();
      case GAVE_UP -> messages.gaveUp();
      default -> throw new IllegalArgumentException("no closing message for stage " + stage);
    };
    return text(message, language);
  }

  private Prompt prompt(Hint hint, String language, String text, List<String> options, boolean canGoBack) {
    Messages messages = definition.messages();
    String hintText = switch (hint) {
      case NONE -> null;
      case INVALID_ANSWER -> text(messages.invalidHint(), language);
      case WELCOME_BACK -> text(messages.welcomeBack(), language);
    };
    String more = settings.moreKey() + " " + text(messages.more(), language);
    String back = settings.backKey() + " " + text(messages.back(), language);
    return new Prompt(hintText, text, options, more, back, canGoBack);
  }

  private List<String> yesNo(String language) {
    Messages messages = definition.messages();
    return numbered(List.of(text(messages.yes(), language), text(messages.no(), language)));
  }

  private static List<String> numbered(List<String> labels) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      lines.add((i + 1) + ". " + labels.get(i));
    }
    return lines;
  }

  /** The text in {@code language}; the first language's when null (the language is not chosen yet). */
  private String text(LocalizedText text, String language) {
    return text.in(language == null ? firstLanguage() : language);
  }

  private String firstLanguage() {
    return definition.languages().get(0).code();
  }
}
