package org.kila.survey.engine;

/** Read-only port: how many completed responses a stratum of a quota has so far. */
@FunctionalInterface
public interface QuotaCounts {
  long completed(String quotaId, String stratumKey);

  QuotaCounts NONE = (quotaId, stratumKey) -> 0;
}
