package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonObject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Data-quality figures from the SMS outbox: texts of the survey that never arrived ({@code smsFailed})
 * and replies sent late ({@code smsLate}), as {@code sql/report_sms_delivery.sql} defines them. They
 * count messages, not people, so they are not suppressed; a gateway without SMS shows zeros.
 */
public final class SmsDeliveryFigures implements QualityFigures {

  @Override
  public void addTo(Handle h, String surveyId, int version, JsonObject answer) {
    h.createQuery(ClasspathSqlLocator.removingComments().getResource("sql/report_sms_delivery.sql"))
        .bind("surveyId", surveyId)
        .bind("version", version)
        .map((rs, ctx) -> answer.put("smsFailed", rs.getLong("failed")).put("smsLate", rs.getLong("late")))
        .one();
  }
}
