package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonObject;
import org.jdbi.v3.core.Handle;

/**
 * One source of a survey's data-quality figures, which adds them to the quality answer under its own
 * names. The sessions' events are one ({@link SessionEventFigures}); a delivery log of SMS sent (late or
 * failed deliveries) is added to the list {@code AdminApi} builds the same way.
 */
public interface QualityFigures {
  /** Reads this source's figures for the survey ({@code version} 0: every version) into {@code answer}. */
  void addTo(Handle h, String surveyId, int version, JsonObject answer);
}
