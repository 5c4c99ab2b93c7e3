package org.kila.survey.validate;

import java.util.ArrayList;
import java.util.List;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.render.Gsm7;
import org.kila.survey.render.ScreenRenderer;

/**
 * Warns where a question sent by SMS costs more than a set number of segments: each segment is billed,
 * and a Bengali or Nepali screen (UCS-2, 67 characters a segment once concatenated) gets expensive fast.
 * A warning, not a problem: the survey still runs, the designer decides whether to shorten it.
 */
public final class SmsCostWarnings {
  /** Segments per SMS screen above which a question is flagged, unless the caller says otherwise. */
  public static final int DEFAULT_MAX_SEGMENTS = 2;

  private final int maxSegments;
  private final ChannelProfile sms = ChannelProfile.smsDefault();
  private final ScreenRenderer renderer = new ScreenRenderer();

  public SmsCostWarnings(int maxSegments) {
    this.maxSegments = maxSegments;
  }

  /** One warning per question and language whose first SMS screen takes more than the set segments. */
  public List<Problem> check(SurveyDefinition survey) {
    List<Problem> warnings = new ArrayList<>();
    for (String language : survey.languageCodes()) {
      ScreenFitRules.Navigation nav = new ScreenFitRules.Navigation(survey, language);
      for (int i = 0; i < survey.questions().size(); i++) {
        Question q = survey.questions().get(i);
        String text = ScreenFitRules.textIn(q.text(), language);
        if (text == null) {
          continue;
        }
        List<String> options = q.type() == QuestionType.YES_NO
            ? ScreenFitRules.yesNo(survey.messages(), language) : ScreenFitRules.numbered(q.choices(), language);
        String page = renderer.layout(new ScreenRenderer.Prompt(null, text, options, nav.more, nav.back, i > 0), sms)
            .pages().get(0);
        Gsm7.Segments segments = Gsm7.segments(page);
        if (segments.count() > maxSegments) {
          warnings.add(new Problem("questions[" + i + "].text." + language, "takes " + segments.count()
              + " SMS segments (" + (segments.ucs2() ? "UCS-2" : "GSM-7") + ", " + segments.units()
              + " characters) where " + maxSegments + " would do: each segment is billed, consider shorter wording"));
        }
      }
    }
    return warnings;
  }
}
