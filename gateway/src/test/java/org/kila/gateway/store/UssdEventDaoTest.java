package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;

class UssdEventDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  final UssdEventDao events = db.dao(UssdEventDao.class);

  @Test
  void anEndNoticeIsRecordedOnceHoweverOftenItIsDelivered() {
    UssdEndEventRow notice = new UssdEndEventRow("africastalking", "ATid_9", "dropped", 3, 41_000L, "CON Your age?",
        Fixtures.T0);
    assertTrue(events.record(notice));
    assertFalse(events.record(new UssdEndEventRow("africastalking", "ATid_9", "failed", 4, null, null, Fixtures.T0)));
    assertEquals(Optional.of(notice), events.find("africastalking", "ATid_9"), "the first one stays");
  }

  @Test
  void optionalFieldsMayBeMissing() {
    UssdEndEventRow bare = new UssdEndEventRow("hubtel", "h-1", "completed", null, null, null, Fixtures.T0);
    assertTrue(events.record(bare));
    assertEquals(Optional.of(bare), events.find("hubtel", "h-1"));
    assertEquals(Optional.empty(), events.find("africastalking", "h-1"));
  }
}
