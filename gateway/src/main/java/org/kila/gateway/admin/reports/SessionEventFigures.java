package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Data-quality figures from the sessions' events: aggregator retries answered again and stored once
 * ({@code duplicateWebhooks}), answers asked again because they could not be read ({@code invalidAnswers}),
 * sessions that timed out ({@code timeouts}) and people who gave up after too many unreadable answers
 * ({@code gaveUp}). These count events, not people, so they are not suppressed.
 */
public final class SessionEventFigures implements QualityFigures {
  private static final Map<String, String> NAMES = Map.of(
      "duplicate_hop", "duplicateWebhooks",
      "invalid_answer", "invalidAnswers",
      "timeout", "timeouts",
      "gave_up", "gaveUp");

  @Override
  public void addTo(Handle h, String surveyId, int version, JsonObject answer) {
    Map<String, Long> byKind = new HashMap<>();
    new ReportQueries(h).sessionEvents(surveyId, version).forEach(r -> byKind.put(r.kind(), r.events()));
    NAMES.forEach((kind, name) -> answer.put(name, byKind.getOrDefault(kind, 0L)));
  }
}
