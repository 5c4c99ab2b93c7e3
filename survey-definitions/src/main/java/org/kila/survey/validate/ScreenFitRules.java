package org.kila.survey.validate;

import java.util.ArrayList;
import java.util.List;
import org.kila.survey.model.Choice;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.MessageField;
import org.kila.survey.model.Messages;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.render.Gsm7;
import org.kila.survey.render.ScreenRenderer;

/**
 * Every screen the survey can show fits the channel's budget in every language. Paging splits a long
 * choice list, but the question text, one choice and the navigation lines always share a page, so the
 * busiest page a choice can land on (the text, that choice, More and Back) must fit. A question without
 * choices must fit one page with its Back line, and a closing message, which ends the session, one page
 * on its own. The language-choice screen of a survey with several languages is checked like a question,
 * in the first language. A translation missing here is reported by TranslationRules.
 *
 * <p>The invalid-answer hint is left out on purpose: with it, even the Washington Group's own wording of
 * its communication question does not fit 160 characters. Showing the hint is the engine's call: where
 * hint, text, choice and navigation do not fit one page together, the hint has to give way.
 */
final class ScreenFitRules implements Rule {
  private final ChannelProfile channel;
  private final ScreenRenderer renderer = new ScreenRenderer();

  ScreenFitRules(ChannelProfile channel) {
    this.channel = channel;
  }

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    List<String> languages = survey.languageCodes().stream().distinct().toList();
    if (languages.size() > 1) {
      // Shown before a language is chosen: in the first language, each language listed by its own name.
      List<String> names = new ArrayList<>();
      for (int i = 0; i < survey.languages().size(); i++) {
        names.add((i + 1) + ". " + survey.languages().get(i).name());
      }
      String first = languages.get(0);
      prompt("messages.chooseLanguage", survey.messages().chooseLanguage(), names, new Navigation(survey, first), first,
          problems);
    }
    for (String language : languages) {
      Navigation nav = new Navigation(survey, language);
      if (survey.consent() != null) {
        prompt("consent.text", survey.consent().text(), yesNo(survey.messages(), language), nav, language, problems);
      }
      List<Question> questions = survey.questions();
      for (int i = 0; i < questions.size(); i++) {
        Question q = questions.get(i);
        List<String> options = q.type() == QuestionType.YES_NO ? yesNo(survey.messages(), language) : numbered(q.choices(), language);
        prompt("questions[" + i + "].text", q.text(), options, nav, language, problems);
      }
      for (MessageField field : MessageField.values()) {
        String text = field.closing() ? textIn(field.of(survey.messages()), language) : null;
        if (text != null && !ScreenRenderer.fits(text, channel)) {
          problems.add(new Problem("messages." + field.json() + "." + language, tooLong(text, "the message")));
        }
      }
    }
  }

  private void prompt(String path, LocalizedText localized, List<String> options, Navigation nav, String language,
      List<Problem> problems) {
    String text = textIn(localized, language);
    if (text == null) {
      return;
    }
    String where = path + "." + language;
    if (options.isEmpty()) {
      ScreenRenderer.Prompt prompt = new ScreenRenderer.Prompt(null, text, List.of(), nav.more, nav.back, true);
      if (renderer.layout(prompt, channel).pages().size() > 1) {
        problems.add(new Problem(where, tooLong(page(text, nav.back), "the question with its Back line")));
      }
      return;
    }
    String worst = null;
    String worstOption = null;
    for (String option : options) {
      String page = page(text, option, nav.more, nav.back);
      if (!ScreenRenderer.fits(page, channel) && (worst == null || overBy(page) > overBy(worst))) {
        worst = page;
        worstOption = option.substring(0, option.indexOf('.'));
      }
    }
    if (worst != null) {
      problems.add(new Problem(where, tooLong(worst, "the question with choice " + worstOption
          + " and the More and Back lines")));
    }
  }

  /** A page as the renderer lays it out (see {@link ScreenRenderer}): its lines joined by newlines. */
  private static String page(String... lines) {
    return String.join("\n", lines);
  }

  private int overBy(String page) {
    return Gsm7.screenLength(page) - budget(page);
  }

  private int budget(String page) {
    return Gsm7.isGsm7(page) ? channel.maxChars() : channel.maxUcs2Chars();
  }

  private String tooLong(String page, String what) {
    String message = "too long for one " + channel.channel() + " screen: " + what + " takes "
        + Gsm7.screenLength(page) + " of " + budget(page) + " characters";
    if (Gsm7.isGsm7(page)) {
      return message;
    }
    int c = page.codePoints().filter(cp -> !Gsm7.isGsm7(new String(Character.toChars(cp)))).findFirst().orElse('?');
    return message + " (UCS-2, because \"" + new String(Character.toChars(c)) + "\" is not in the GSM alphabet)";
  }

  /** Option lines as the respondent sees them ("3. Label"); a choice without a label here is left out. */
  static List<String> numbered(List<Choice> choices, String language) {
    List<String> lines = new ArrayList<>();
    for (int j = 0; j < choices.size(); j++) {
      String label = textIn(choices.get(j).label(), language);
      if (label != null) {
        lines.add((j + 1) + ". " + label);
      }
    }
    return lines;
  }

  static List<String> yesNo(Messages messages, String language) {
    return numbered(List.of(new Choice("yes", messages.yes(), false), new Choice("no", messages.no(), false)), language);
  }

  static String textIn(LocalizedText text, String language) {
    return text != null && text.has(language) ? text.in(language) : null;
  }

  /** The navigation lines in one language; a missing label leaves just its key. */
  static final class Navigation {
    final String more;
    final String back;

    Navigation(SurveyDefinition survey, String language) {
      Messages m = survey.messages();
      more = line(survey.settings().moreKey(), textIn(m.more(), language));
      back = line(survey.settings().backKey(), textIn(m.back(), language));
    }

    private static String line(String key, String label) {
      return label == null ? key : key + " " + label;
    }
  }
}
