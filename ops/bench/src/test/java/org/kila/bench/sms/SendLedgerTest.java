package org.kila.bench.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SendLedgerTest {
  static FakeTwilio.Message text(int instance, String to, long atMillis) {
    return new FakeTwilio.Message(instance, "SM" + to + atMillis, to, "+254700000100", "Karibu", null, atMillis, false);
  }

  @Test
  void everyInvitedNumberTextedOnceIsClean() {
    SendLedger ledger = SendLedger.of(List.of("+1", "+2", "+3"),
        List.of(text(0, "+1", 0), text(1, "+2", 10), text(1, "+3", 20)), 2);
    assertTrue(ledger.clean());
    assertEquals(List.of(1, 2), ledger.byInstance());
    assertEquals(3, ledger.received());
  }

  @Test
  void countsMissingTwiceAndUninvited() {
    SendLedger ledger = SendLedger.of(List.of("+1", "+2", "+3"),
        List.of(text(0, "+1", 0), text(1, "+1", 10), text(1, "+1", 20), text(0, "+2", 30), text(0, "+9", 40)), 2);
    assertEquals(1, ledger.missing(), "+3 never texted");
    assertEquals(2, ledger.duplicated(), "+1 texted three times");
    assertEquals(1, ledger.unexpected(), "+9 was never invited");
    assertFalse(ledger.clean());
  }

  @Test
  void theSamePhoneInvitedTwiceIsOneInvitation() {
    SendLedger ledger = SendLedger.of(List.of("+1", "+1"), List.of(text(0, "+1", 0)), 1);
    assertEquals(1, ledger.invited());
    assertTrue(ledger.clean());
  }

  @Test
  void peakIsTheMostTextsInAnyWindowOfTheGivenLength() {
    assertEquals(0, SendLedger.peak(List.of(), 1_000));
    assertEquals(3, SendLedger.peak(List.of(2_500L, 0L, 999L, 500L, 1_000L, 4_000L), 1_000),
        "0, 500 and 999 fall within one second; 1000 starts the next");
    assertEquals(6, SendLedger.peak(List.of(2_500L, 0L, 999L, 500L, 1_000L, 4_000L), 5_000));
  }

  @Test
  void theBusiestTenSecondsOfEachInstanceAsARatePerSecond() {
    SendLedger ledger = SendLedger.of(List.of("+1", "+2", "+3", "+4"),
        List.of(text(0, "+1", 0), text(0, "+2", 9_900), text(0, "+3", 10_000), text(1, "+4", 150)), 2);
    assertEquals(List.of(0.2, 0.1), ledger.busiestPerSecond());
  }
}
