package org.kila.survey.validate;

import java.util.ArrayList;
import java.util.List;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.render.ChannelProfile;

/**
 * Checks that a read definition makes sense and can run on the given USSD channel, returning every
 * problem at once, each with the path of the field it is about. A survey runs only when this returns
 * nothing.
 */
public final class SurveyValidator {
  private final ChannelProfile ussd;

  /** {@code ussd}: the screen budget every screen of the survey must fit. */
  public SurveyValidator(ChannelProfile ussd) {
    this.ussd = ussd;
  }

  public List<Problem> validate(SurveyDefinition survey) {
    List<Problem> problems = new ArrayList<>();
    ConditionRules conditions = new ConditionRules();
    List<Rule> rules = List.of(
        new SurveyRules(),
        new TriggerRules(),
        new SmsRules(),
        new QuestionRules(),
        new TranslationRules(),
        conditions,
        new StratifierRules(),
        new QuotaRules(),
        new ScreenFitRules(ussd));
    for (Rule rule : rules) {
      rule.check(survey, problems);
    }
    // Reachability needs to know which conditions were sound, so it runs after the condition rules.
    new ReachabilityRules(conditions.sound()).check(survey, problems);
    return List.copyOf(problems);
  }
}
