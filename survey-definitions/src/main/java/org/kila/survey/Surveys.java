package org.kila.survey;

import java.util.List;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;

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

  /** Reads and validates {@code json} against the given USSD screen budget. */
  public static Loaded load(String json, ChannelProfile ussd) {
    throw new UnsupportedOperationException("reader and validator not written yet");
  }
}
