package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonObject;
import org.jdbi.v3.core.Handle;

/**
 * One source of a survey's data-quality figures, which adds them to the quality answer under its own
 * names: the sessions' events ({@link SessionEventFigures}) and the SMS outbox's deliveries
 * ({@link SmsDeliveryFigures}). Another source joins the list {@code AdminApi} builds.
 */
public interface QualityFigures {
  /** Reads this source's figures for the survey ({@code version} 0: every version) into {@code answer}. */
  void addTo(Handle h, String surveyId, int version, JsonObject answer);
}
