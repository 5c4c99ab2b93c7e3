package org.kila.survey.engine;

/**
 * The survey engine: a pure function of (survey, state, input, context) to a {@link Turn}. No I/O, no
 * clock of its own, no statics with state.
 */
public final class SurveyEngine {

  /**
   * One step. {@code state} is null exactly when {@code input} is {@link Input.Started}.
   */
  public Turn step(CompiledSurvey survey, SessionState state, Input input, StepContext context) {
    throw new UnsupportedOperationException("engine not written yet");
  }
}
