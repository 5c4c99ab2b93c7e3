package org.kila.gateway.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every delivery report adapter is held to, driven by the subclass's case table: a payload
 * file, the path and query it arrived on, the answer, and for an accepted report the neutral report
 * (messageId, key, deliveryStatus, errorCode, whether the number blocked us; the time is the injected
 * clock's).
 */
public abstract class DeliveryReportAdapterCaseTest {
  protected static final int MAX_BODY_BYTES = 1024;
  protected static final Instant NOW = Instant.parse("2026-11-03T09:14:05Z");
  protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  protected abstract DeliveryReportAdapter adapter();

  /** Columns: label | payload | target | status | body | messageId | key | deliveryStatus | errorCode | optedOut. */
  protected abstract String cases();

  @TestFactory
  Stream<DynamicTest> caseTable() {
    return CaseTable.parse(cases()).stream().map(row -> DynamicTest.dynamicTest(row.get("label"), () -> check(row)));
  }

  private void check(CaseTable.Row row) {
    DeliveryReportAdapter adapter = adapter();
    Parsed<DeliveryReport> parsed = adapter.parse(PayloadFile.load(adapter.provider(), row.get("payload")), row.get("target"));
    WebhookResponse response;
    if (parsed instanceof Parsed.Accepted<DeliveryReport> accepted) {
      DeliveryReport report = accepted.value();
      if (row.get("messageId") == null) {
        fail("expected a rejection, got " + report);
      }
      assertEquals(new DeliveryReport(adapter.provider(), row.get("messageId"), row.get("key"),
          DeliveryStatus.valueOf(row.get("deliveryStatus")), row.get("errorCode"), Boolean.parseBoolean(row.get("optedOut")), NOW),
          report);
      response = adapter.acknowledge(report);
    } else {
      response = adapter.rejection((Parsed.Rejected<?>) parsed);
    }
    assertEquals(Integer.parseInt(row.get("status")), response.status(), "status, body " + response.body());
    assertTrue(CaseTable.bodyMatches(row.get("body"), response.body()),
        "body: expected " + row.get("body") + ", got " + response.body());
  }

  @Test
  void refusesAtLeastAsManyCasesAsItAccepts() {
    List<CaseTable.Row> rows = CaseTable.parse(cases());
    long accepted = rows.stream().filter(r -> r.get("messageId") != null).count();
    assertTrue(accepted > 0, "no accepted rows");
    assertTrue(rows.size() - accepted >= accepted,
        (rows.size() - accepted) + " rejection rows for " + accepted + " accepted rows");
  }
}
