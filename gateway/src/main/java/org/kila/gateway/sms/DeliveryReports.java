package org.kila.gateway.sms;

import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.channel.DeliveryReport;
import org.kila.gateway.store.OutboxDao;
import org.kila.gateway.store.OutboxStatus;

/**
 * Records providers' delivery reports on the outbox. Reports arrive late, twice and out of order, so a
 * report only ever moves a text forward (queued, sending, sent, then one final status), and one that
 * names our key finds a text whose provider id a crash kept us from storing. Blocking: call it through
 * {@code db.Blocking}.
 */
public final class DeliveryReports {
  private final Jdbi jdbi;
  private final SmsMetrics metrics;

  public DeliveryReports(Jdbi jdbi, SmsMetrics metrics) {
    this.jdbi = jdbi;
    this.metrics = metrics;
  }

  /** True when the report moved a text on; false when it was old news or about a text we do not know. */
  public boolean apply(DeliveryReport report) {
    OutboxStatus status = OutboxStatus.of(report.status());
    int moved = jdbi.withExtension(OutboxDao.class, dao -> dao.applyReport(report.provider(), report.providerMessageId(),
        report.outboxKey(), status, status.rank(), report.errorCode(), report.at()));
    if (moved > 0) {
      metrics.outbound(status);
    }
    return moved > 0;
  }
}
