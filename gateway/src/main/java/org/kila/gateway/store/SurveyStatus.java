package org.kila.gateway.store;

/** The life of a survey version, as stored in {@code survey_version.status} (lower case). */
public enum SurveyStatus {
  /** Saved, not yet taking respondents. */
  DRAFT,
  /** Taking respondents; at most one version of a survey at a time. */
  LAUNCHED,
  /** Temporarily not taking new respondents. */
  PAUSED,
  /** Over; its triggers may be claimed by another survey. */
  CLOSED
}
