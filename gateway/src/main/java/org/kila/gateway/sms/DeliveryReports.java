package org.kila.gateway.sms;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.channel.DeliveryReport;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.OutboxDao;
import org.kila.gateway.store.OutboxStatus;

/**
 * Records providers' delivery reports on the outbox. Reports arrive late, twice and out of order, so a
 * report only ever moves a text forward (queued, sending, sent, then one final status), and one that
 * names our key finds a text whose provider id a crash kept us from storing. A report saying the number
 * blocked us opts it out. Blocking: call it through {@code db.Blocking}.
 */
public final class DeliveryReports {
  private final Jdbi jdbi;
  private final SmsMetrics metrics;
  private final OptOuts optOuts;

  public DeliveryReports(Jdbi jdbi, SmsMetrics metrics, Clock clock) {
    this.jdbi = jdbi;
    this.metrics = metrics;
    this.optOuts = new OptOuts(clock, metrics);
  }

  /** True when the report moved a text on; false when it was old news or about a text we do not know. */
  public boolean apply(DeliveryReport report) {
    OutboxStatus status = OutboxStatus.of(report.status());
    List<UUID> recipients = jdbi.inTransaction(h -> {
      List<UUID> moved = h.attach(OutboxDao.class).applyReport(report.provider(), report.providerMessageId(),
          report.outboxKey(), status, status.rank(), report.errorCode(), report.at());
      if (report.recipientOptedOut()) {
        for (UUID recipient : moved) {
          h.attach(OptOutDao.class).phoneHashOf(recipient)
              .ifPresent(hash -> optOuts.optOut(h, hash, OptOutDao.Source.DELIVERY_REPORT));
        }
      }
      return moved;
    });
    if (!recipients.isEmpty()) {
      metrics.outbound(status);
    }
    return !recipients.isEmpty();
  }
}
