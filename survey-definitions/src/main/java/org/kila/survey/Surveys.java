package org.kila.survey;

import java.util.List;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.read.SurveyReader;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;
import org.kila.survey.validate.SurveyValidator;

/** The definition pipeline in one call: read JSON -> build the model -> validate -> compile. */
public final class Surveys {
  private Surveys() {}

  /** The outcome of loading one definition: a compiled survey, or every problem found (never both). */
  public record Loaded(CompiledSurvey survey, List<Problem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return survey != null;
    }
  }

  /**
   * Reads and validates {@code json} against the given USSD screen budget. Validation runs only on a
   * definition that could be read: structural problems (bad JSON, missing or unknown fields) come back
   * alone, and the designer sees the semantic ones once those are fixed.
   */
  public static Loaded load(String json, ChannelProfile ussd) {
    SurveyReader.Result read = new SurveyReader().read(json);
    if (!read.ok()) {
      return new Loaded(null, read.problems());
    }
    List<Problem> problems = new SurveyValidator(ussd).validate(read.definition());
    return problems.isEmpty() ? new Loaded(CompiledSurvey.of(read.definition()), problems) : new Loaded(null, problems);
  }
}
