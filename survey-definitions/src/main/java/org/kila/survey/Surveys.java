package org.kila.survey;

import java.util.List;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.read.SurveyReader;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;
import org.kila.survey.validate.SmsCostWarnings;
import org.kila.survey.validate.SurveyValidator;

/** The definition pipeline in one call: read JSON -> build the model -> validate -> compile. */
public final class Surveys {
  private Surveys() {}

  /**
   * The outcome of loading one definition: a compiled survey, or every problem found (never both); and
   * warnings (SMS cost) that do not stop a survey from running.
   */
  public record Loaded(CompiledSurvey survey, List<Problem> problems, List<Problem> warnings) {
    public Loaded {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
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
      return new Loaded(null, read.problems(), List.of());
    }
    List<Problem> problems = new SurveyValidator(ussd).validate(read.definition());
    List<Problem> warnings = new SmsCostWarnings(SmsCostWarnings.DEFAULT_MAX_SEGMENTS).check(read.definition());
    return new Loaded(problems.isEmpty() ? CompiledSurvey.of(read.definition()) : null, problems, warnings);
  }
}
