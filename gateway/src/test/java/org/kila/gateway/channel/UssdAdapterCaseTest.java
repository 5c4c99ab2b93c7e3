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
 * The contract every USSD adapter is held to, driven by the subclass's case table. Each row names a
 * payload file ({@code payload/<aggregator>.<payload>.txt}), the HTTP status and body the aggregator
 * gets back, and for an accepted request the neutral hop (kind, text, hopKey, serviceCode, phone). An
 * accepted request is answered with {@link #SAMPLE_REPLY}, a refused one with the adapter's rejection;
 * a body cell starting with '~' is a substring of the body, anything else the whole body.
 */
public abstract class UssdAdapterCaseTest {
  /** Small on purpose, so an oversized payload file stays small too. */
  protected static final int MAX_BODY_BYTES = 1024;

  protected static final UssdReply SAMPLE_REPLY = UssdReply.next("Welcome");

  protected abstract UssdAdapter adapter();

  /** How this aggregator reports input. */
  protected abstract InputMode mode();

  /** Columns: label | payload | status | body | kind | text | hopKey | serviceCode | phone. */
  protected abstract String cases();

  @TestFactory
  Stream<DynamicTest> caseTable() {
    return CaseTable.parse(cases()).stream().map(row -> DynamicTest.dynamicTest(row.get("label"), () -> check(row)));
  }

  private void check(CaseTable.Row row) {
    UssdAdapter adapter = adapter();
    Parsed<UssdHop> parsed = adapter.parse(PayloadFile.load(adapter.aggregator(), row.get("payload")));
    WebhookResponse response;
    if (parsed instanceof Parsed.Accepted<UssdHop> accepted) {
      UssdHop hop = accepted.value();
      if (row.get("kind") == null) {
        fail("expected a rejection, got " + hop);
      }
      assertEquals(adapter.aggregator(), hop.aggregator(), "aggregator");
      assertEquals(mode(), hop.mode(), "input mode");
      assertEquals(HopKind.valueOf(row.get("kind")), hop.kind(), "kind");
      assertEquals(row.get("text"), hop.text(), "text");
      assertEquals(row.get("hopKey"), hop.hopKey(), "hopKey");
      assertEquals(row.get("serviceCode"), hop.serviceCode(), "serviceCode");
      assertEquals(row.get("phone"), hop.phone(), "phone");
      response = adapter.reply(hop, SAMPLE_REPLY);
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
    long accepted = rows.stream().filter(r -> r.get("kind") != null).count();
    assertTrue(accepted > 0, "no accepted rows");
    assertTrue(rows.size() - accepted >= accepted,
        (rows.size() - accepted) + " rejection rows for " + accepted + " accepted rows");
  }

  /** A screen longer than any USSD limit goes out whole: keeping within limits is the session layer's job. */
  @Test
  void passesLongTextAsGiven() {
    String text = "Q".repeat(900) + "\n1. Yes\n2. No";
    WebhookResponse response = adapter().reply(sampleHop(), UssdReply.next(text));
    assertEquals(200, response.status());
    assertTrue(response.body().contains(text.replace("\n", newlineInBody())), "text was cut or changed");
  }

  /** How a newline in the screen text appears in a reply body. */
  protected abstract String newlineInBody();

  protected UssdHop sampleHop() {
    return new UssdHop(adapter().aggregator(), "session-1", "*384*12#", "+254711000111", null,
        HopKind.CONTINUE, "1", mode(), "1");
  }
}
