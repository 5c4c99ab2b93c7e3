package org.kila.gateway.store;

/** What a data-quality event records, as stored in {@code session_event.kind} (lower case). */
public enum SessionEventKind {
  /** An answer the question did not accept; the question was asked again. */
  INVALID_ANSWER,
  /** The aggregator or the respondent let the session time out. */
  TIMEOUT,
  /** An aggregator's retry of a hop already answered: replied again, stored nothing. */
  DUPLICATE_HOP,
  /** Too many invalid answers: the session ended. */
  GAVE_UP
}
