package org.kila.survey.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kila.survey.model.Quota;

/**
 * Decides when a respondent is screened out by a full quota, and which quota cells a completed response
 * counts towards. A stratum without a target (for example one with "prefer not to say") is never full.
 */
final class QuotaGate {
  private QuotaGate() {}

  /**
   * The quota that screens the respondent out now that their profile went from {@code before} to
   * {@code after}. A quota is checked only when its stratum becomes known (or changes, after Back and a
   * different answer): once let in, a respondent is not screened out later because others completed
   * meanwhile.
   */
  static Optional<SurveyEvent.ScreenedOut> screenOut(
      List<Quota> quotas, Map<String, String> before, Map<String, String> after, QuotaCounts counts) {
    for (Quota quota : quotas) {
      Map<String, String> stratum = stratum(quota, after);
      if (stratum == null || stratum.equals(stratum(quota, before))) {
        continue;
      }
      Optional<Quota.Target> target = target(quota, stratum);
      String key = Quota.stratumKey(stratum);
      if (target.isPresent() && counts.completed(quota.id(), key) >= target.get().count()) {
        return Optional.of(new SurveyEvent.ScreenedOut(quota.id(), key));
      }
    }
    return Optional.empty();
  }

  /** The cells a response with this profile counts towards: one per quota whose stratum has a target. */
  static List<SurveyEvent.QuotaCell> cells(List<Quota> quotas, Map<String, String> profile) {
    List<SurveyEvent.QuotaCell> cells = new ArrayList<>();
    for (Quota quota : quotas) {
      Map<String, String> stratum = stratum(quota, profile);
      if (stratum != null && target(quota, stratum).isPresent()) {
        cells.add(new SurveyEvent.QuotaCell(quota.id(), Quota.stratumKey(stratum)));
      }
    }
    return cells;
  }

  /** The respondent's stratum in {@code quota}, or null while one of its profile keys is unknown. */
  private static Map<String, String> stratum(Quota quota, Map<String, String> profile) {
    Map<String, String> stratum = new HashMap<>();
    for (String key : quota.profileKeys()) {
      String value = profile.get(key);
      if (value == null) {
        return null;
      }
      stratum.put(key, value);
    }
    return stratum;
  }

  private static Optional<Quota.Target> target(Quota quota, Map<String, String> stratum) {
    return quota.targets().stream().filter(t -> t.stratum().equals(stratum)).findFirst();
  }
}
