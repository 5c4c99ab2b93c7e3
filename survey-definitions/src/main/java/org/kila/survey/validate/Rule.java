package org.kila.survey.validate;

import java.util.List;
import org.kila.survey.model.SurveyDefinition;

/** One group of related checks on a definition; each adds what it finds to {@code problems}. */
interface Rule {
  void check(SurveyDefinition survey, List<Problem> problems);
}
