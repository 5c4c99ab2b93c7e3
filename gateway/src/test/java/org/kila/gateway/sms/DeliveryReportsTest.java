package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.channel.DeliveryReport;
import org.kila.gateway.channel.DeliveryStatus;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.testing.TestDatabase;

/** Delivery reports arriving late, twice and out of order, on real outbox rows. */
class DeliveryReportsTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private final OutboxRig rig = new OutboxRig(db.jdbi());
  private final DeliveryReports reports = new DeliveryReports(db.jdbi(), rig.metrics, java.time.Clock.systemUTC());
  private long id;

  @BeforeEach
  void aSentText() {
    db.jdbi().useHandle(h -> h.execute("TRUNCATE sms_outbox, sms_opt_out"));
    id = rig.enqueue(rig.respondent("+254711000021"), "report-" + System.nanoTime(), "Your age?");
    db.jdbi().useHandle(h -> h.execute(
        "UPDATE sms_outbox SET status = 'sent', provider_message_id = 'SM" + id + "', sent_at = now() WHERE id = ?", id));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private boolean report(DeliveryStatus status, String error) {
    return reports.apply(new DeliveryReport("twilio", "SM" + id, null, status, error, false, Instant.now()));
  }

  @Test
  void aStatusMovesForwardOnly() {
    assertTrue(report(DeliveryStatus.DELIVERED, null));
    assertFalse(report(DeliveryStatus.SENT, null), "a late 'sent' after 'delivered'");
    assertFalse(report(DeliveryStatus.QUEUED, null));
    assertEquals("delivered", rig.status(id));
  }

  @Test
  void aFinalStatusIsNeverReplacedByAnother() {
    assertTrue(report(DeliveryStatus.UNDELIVERED, "30003"));
    assertFalse(report(DeliveryStatus.DELIVERED, null));
    assertEquals("undelivered", rig.status(id));
    assertEquals("30003", rig.row(id).get("error_code"));
  }

  @Test
  void theSameReportTwiceCountsOnce() {
    assertTrue(report(DeliveryStatus.DELIVERED, null));
    assertFalse(report(DeliveryStatus.DELIVERED, null));
    assertEquals(1.0, rig.counter("kila.sms.outbound", "status", "delivered"));
  }

  @Test
  void aReportThatTheNumberBlockedUsOptsItOut() {
    assertTrue(reports.apply(new DeliveryReport("twilio", "SM" + id, null, DeliveryStatus.FAILED, "21610", true, Instant.now())));
    assertTrue(db.jdbi().onDemand(OptOutDao.class).isOptedOut(rig.vault.hash("+254711000021")));
    assertEquals(1.0, rig.counter("kila.sms.opt.outs", "source", "delivery_report"));
  }

  @Test
  void aReportAboutAnUnknownMessageChangesNothing() {
    assertFalse(reports.apply(new DeliveryReport("twilio", "SMnobody", null, DeliveryStatus.DELIVERED, null, false, Instant.now())));
    assertFalse(reports.apply(new DeliveryReport("africastalking", "SM" + id, null, DeliveryStatus.DELIVERED, null, false, Instant.now())),
        "another provider's id space");
  }
}
