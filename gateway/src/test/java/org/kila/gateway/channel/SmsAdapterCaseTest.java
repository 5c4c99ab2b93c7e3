package org.kila.gateway.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every inbound SMS adapter is held to, driven by the subclass's case table. Each row names a
 * payload file ({@code payload/<provider>.<payload>.txt}), the path and query it arrived on, the HTTP
 * status and body the provider gets back, and for an accepted request the neutral message (messageId,
 * from, to, text, optOut). A body or text cell starting with '~' is a substring of it.
 */
public abstract class SmsAdapterCaseTest {
  /** Small on purpose, so an oversized payload file stays small too. */
  protected static final int MAX_BODY_BYTES = 1024;

  protected abstract SmsAdapter adapter();

  /** Columns: label | payload | target | status | body | messageId | from | to | text | optOut. */
  protected abstract String cases();

  @TestFactory
  Stream<DynamicTest> caseTable() {
    return CaseTable.parse(cases()).stream().map(row -> DynamicTest.dynamicTest(row.get("label"), () -> check(row)));
  }

  private void check(CaseTable.Row row) {
    SmsAdapter adapter = adapter();
    Parsed<SmsInbound> parsed = adapter.parse(PayloadFile.load(adapter.provider(), row.get("payload")), row.get("target"));
    WebhookResponse response;
    if (parsed instanceof Parsed.Accepted<SmsInbound> accepted) {
      SmsInbound inbound = accepted.value();
      if (row.get("messageId") == null) {
        fail("expected a rejection, got " + inbound);
      }
      assertEquals(adapter.provider(), inbound.provider(), "provider");
      assertEquals(row.get("messageId"), inbound.providerMessageId(), "messageId");
      assertEquals(row.get("from"), inbound.from(), "from");
      assertEquals(row.get("to"), inbound.to(), "to");
      assertTrue(CaseTable.bodyMatches(row.get("text"), inbound.body()), "text: " + inbound.body());
      assertEquals(row.get("optOut") == null ? null : OptOutType.valueOf(row.get("optOut")), inbound.optOutType(), "optOut");
      response = adapter.acknowledge(inbound);
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
