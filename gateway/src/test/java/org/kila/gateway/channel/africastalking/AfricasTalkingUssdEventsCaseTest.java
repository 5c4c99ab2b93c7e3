package org.kila.gateway.channel.africastalking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kila.gateway.channel.CaseTable;
import org.kila.gateway.channel.EndStatus;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.PayloadFile;
import org.kila.gateway.channel.UssdSessionEnd;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Africa's Talking end-of-session notifications through a case table, as the USSD adapters are: each
 * row a payload file, the answer Africa's Talking gets, and for an accepted one the neutral session end
 * ({@code \n} in lastAppResponse is a newline).
 */
class AfricasTalkingUssdEventsCaseTest {
  private final AfricasTalkingUssdEvents adapter = new AfricasTalkingUssdEvents(1024);

  private static final String CASES = """
      label                                | payload                | status | body                                     | endStatus | hops | durationMillis | lastAppResponse                       | phone
      a dropped session                    | end-incomplete         | 200    | OK                                       | DROPPED   | 3    | 21540          | CON Your age?\\n1. Under 18\\n2. 18-35 | +254711000111
      a completed session                  | end-success            | 200    | OK                                       | COMPLETED | 7    | 48012          | END Asante!                           | +254711000111
      a failed session                     | end-failed             | 200    | OK                                       | FAILED    | 1    | 3020           | CON Your age?\\n1. Under 18\\n2. 18-35 | +254711000111
      no durationInMillis                  | end-no-duration        | 200    | OK                                       | DROPPED   | 2    | -              | CON Your age?\\n1. Under 18\\n2. 18-35 | +254711000111
      missing sessionId                    | end-missing-session-id | 400    | missing field sessionId                  | -         | -    | -              | -                                     | -
      missing status                       | end-missing-status     | 400    | missing field status                     | -         | -    | -              | -                                     | -
      missing hopsCount                    | end-missing-hops-count | 400    | missing field hopsCount                  | -         | -    | -              | -                                     | -
      a status not in the table            | end-unknown-status     | 400    | ~unknown status 'Aborted'                | -         | -    | -              | -                                     | -
      statuses are matched exactly         | end-lowercase-status   | 400    | ~unknown status 'success'                | -         | -    | -              | -                                     | -
      hopsCount not a number               | end-bad-hops-count     | 400    | hopsCount must be a whole number, got 'three' | -    | -    | -              | -                                     | -
      negative durationInMillis            | end-negative-duration  | 400    | durationInMillis must be a whole number, got '-5' | - | -   | -              | -                                     | -
      JSON instead of a form               | end-json-content-type  | 415    | ~got application/json                    | -         | -    | -              | -                                     | -
      empty body                           | end-empty-body         | 400    | body is empty                            | -         | -    | -              | -                                     | -
      bytes that are not UTF-8             | end-invalid-utf8       | 400    | body is not valid UTF-8                  | -         | -    | -              | -                                     | -
      body over the size limit             | end-oversized          | 413    | body is larger than 1024 bytes           | -         | -    | -              | -                                     | -
      """;

  @TestFactory
  Stream<DynamicTest> caseTable() {
    return CaseTable.parse(CASES).stream().map(row -> DynamicTest.dynamicTest(row.get("label"), () -> check(row)));
  }

  private void check(CaseTable.Row row) {
    Parsed<UssdSessionEnd> parsed = adapter.parse(PayloadFile.load("africastalking", row.get("payload")));
    WebhookResponse response;
    if (parsed instanceof Parsed.Accepted<UssdSessionEnd> accepted) {
      UssdSessionEnd end = accepted.value();
      if (row.get("endStatus") == null) {
        fail("expected a rejection, got " + end);
      }
      assertEquals("africastalking", end.aggregator());
      assertEquals("ATUid_7f3a9c", end.externalSessionId());
      assertEquals(EndStatus.valueOf(row.get("endStatus")), end.status(), "status");
      assertEquals(Integer.parseInt(row.get("hops")), end.hopsCount(), "hopsCount");
      assertEquals(row.get("durationMillis") == null ? null : Long.valueOf(row.get("durationMillis")), end.durationMillis(), "duration");
      assertEquals(row.get("lastAppResponse").replace("\\n", "\n"), end.lastAppResponse(), "lastAppResponse");
      assertEquals(row.get("phone"), end.phone(), "phone");
      response = adapter.acknowledge(end);
    } else {
      response = adapter.rejection((Parsed.Rejected<?>) parsed);
    }
    assertEquals(Integer.parseInt(row.get("status")), response.status(), "status, body " + response.body());
    assertEquals("text/plain; charset=utf-8", response.contentType());
    assertTrue(CaseTable.bodyMatches(row.get("body"), response.body()),
        "body: expected " + row.get("body") + ", got " + response.body());
  }

  @Test
  void refusesAtLeastAsManyCasesAsItAccepts() {
    List<CaseTable.Row> rows = CaseTable.parse(CASES);
    long accepted = rows.stream().filter(r -> r.get("endStatus") != null).count();
    assertTrue(rows.size() - accepted >= accepted);
  }
}
