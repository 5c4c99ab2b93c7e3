package org.kila.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;
import org.kila.gateway.testing.TestGateway;

/**
 * When the database cannot take a hop, the respondent gets a polite "try again shortly" END at once
 * (never a 500 or a hung request), and the next hop after the database is back works. The long version of
 * this, with PostgreSQL really stopped and started under load, is the fault harness in ops/bench.
 */
class DatabaseTroubleIT {
  @RegisterExtension
  @Order(1)
  static final TestDatabase db = new TestDatabase();

  @RegisterExtension
  @Order(2)
  static final TestGateway gateway = new TestGateway(db);

  @Test
  void aHopTheDatabaseCannotTakeGetsAPoliteEndAndServiceResumesAfter() {
    db.jdbi().useHandle(h -> h.execute("ALTER TABLE channel_session RENAME TO channel_session_away"));
    try {
      HttpResponse<String> hop = dial("trouble-1");
      assertEquals(200, hop.statusCode());
      assertTrue(hop.body().startsWith("END ") && hop.body().contains("dial again shortly"), hop.body());
    } finally {
      db.jdbi().useHandle(h -> h.execute("ALTER TABLE channel_session_away RENAME TO channel_session"));
    }
    HttpResponse<String> after = dial("trouble-2");
    assertTrue(after.body().startsWith("CON ") && after.body().contains("English"), after.body());
  }

  private static HttpResponse<String> dial(String sessionId) {
    return gateway.post("/ussd/africastalking", "application/x-www-form-urlencoded",
        "sessionId=" + sessionId + "&serviceCode=%2A384%2A12%23&phoneNumber=0712000001&networkCode=63902&text=");
  }
}
