package org.kila.survey.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * busiest page a choice can land on (the invalid-answer hint, the text, that choice, More and Back) must
 * fit. A question without choices must fit one page with the hint and Back, and a closing message, which
 * ends the session, one page on its own. A translation missing here is reported by TranslationRules.
 */
final class ScreenFitRules implements Rule {
  private final ChannelProfile channel;
  private final ScreenRenderer renderer = new ScreenRenderer();

  ScreenFitRules(ChannelProfile channel) {
    this.channel = channel;
  }

  @Override
  public void check(SurveyDefinition survey, List<Problem> problems) {
    for (String language : survey.languageCodes().stream().distinct().toList()) {
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
      ScreenRenderer.Prompt prompt = new ScreenRenderer.Prompt(nav.hint, text, List.of(), nav.more, nav.back, true);
      List<String> pages = renderer.layout(prompt, channel).pages();
      if (pages.size() > 1) {
        problems.add(new Problem(where, tooLong(page(nav.hint, text, null, null, nav.back),
            "the question with the invalid-answer hint and the Back line")));
      }
      return;
    }
    String worst = null;
    int worstOption = 0;
    for (int k = 0; k < options.size(); k++) {
      String page = page(nav.hint, text, options.get(k), nav.more, nav.back);
      if (!ScreenRenderer.fits(page, channel) && (worst == null || overBy(page) > overBy(worst))) {
        worst = page;
        worstOption = k + 1;
      }
    }
    if (worst != null) {
      problems.add(new Problem(where, tooLong(worst, "the question with the invalid-answer hint, choice " + worstOption
          + " and the More and Back lines")));
    }
  }

  /** A page as the renderer lays it out: the lines that are present, joined by newlines. */
  private static String page(String... lines) {
    return Stream.of(lines).filter(Objects::nonNull).collect(Collectors.joining("\n"));
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

  private static List<String> numbered(List<Choice> choices, String language) {
    List<String> lines = new ArrayList<>();
    for (int j = 0; j < choices.size(); j++) {
      String label = textIn(choices.get(j).label(), language);
      if (label != null) {
        lines.add((j + 1) + ". " + label);
      }
    }
    return lines;
  }

  private static List<String> yesNo(Messages messages, String language) {
    return numbered(List.of(new Choice("yes", messages.yes(), false), new Choice("no", messages.no(), false)), language);
  }

  private static String textIn(LocalizedText text, String language) {
    return text != null && text.has(language) ? text.in(language) : null;
  }

  /** The hint and navigation lines in one language; a missing label leaves just its key. */
  private static final class Navigation {
    final String hint;
    final String more;
    final String back;

    Navigation(SurveyDefinition survey, String language) {
      Messages m = survey.messages();
      hint = textIn(m.invalidHint(), language);
      more = line(survey.settings().moreKey(), textIn(m.more(), language));
      back = line(survey.settings().backKey(), textIn(m.back(), language));
    }

    private static String line(String key, String label) {
      return label == null ? key : key + " " + label;
    }
  }
}
