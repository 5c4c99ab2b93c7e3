package org.kila.bench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kila.bench.check.AnswerCheck;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.TwoInstances;
import org.kila.bench.sms.FakeTwilio;
import org.kila.bench.sms.OutboxRows;
import org.kila.bench.sms.SendLedger;

/** Any count above zero fails the scenario, and so does a run that did not test what it claims. */
class TwoInstancesFindingsTest {
  static final List<String> INVITED = List.of("+1", "+2");
  static final AnswerCheck.Result STORED_ONCE = new AnswerCheck.Result(10, 40, 0, 0, 0, 0, 1, List.of());
  static final Tally CLEAN_TALLY = new Tally(1, new HopStats(), STORED_ONCE, 3, 0, 0, 0, 0);
  static final TwoInstances.Figures MOVED = new TwoInstances.Figures(120, 130, 7, 5, 1, 0, "");
  static final SendLedger ONCE_EACH = SendLedger.of(INVITED, List.of(text(0, "+1"), text(1, "+2")), 2);
  static final OutboxRows DELIVERED = new OutboxRows(Map.of("delivered", 2L), 0);

  static FakeTwilio.Message text(int instance, String to) {
    return new FakeTwilio.Message(instance, "SM" + to, to, "+254700000100", "Karibu", null, 0, false);
  }

  static TwoInstancesFindings clean() {
    return new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, ONCE_EACH, DELIVERED, 16, 0, 0, 15);
  }

  @Test
  void aCleanRunPassesAndSaysSoInItsFigures() {
    assertEquals(List.of(), clean().misses());
    String figures = clean().figures();
    assertTrue(figures.startsWith("faults injected 1, requests 0, answers acknowledged 40, lost 0, duplicated 0, "
        + "phantom 0;"), figures);
    assertTrue(figures.contains("; split sessions 0; hung up and dialled the other instance 5; invitations 2: "
        + "received by Twilio 2 (A 1, B 1), missing 0, duplicated 0, not invited 0; 16 texts unanswered at the kill"),
        figures);
  }

  @Test
  void aLostDuplicatedPhantomOrSplitAnswerFails() {
    for (AnswerCheck.Result bad : List.of(new AnswerCheck.Result(10, 40, 1, 0, 0, 0, 0, List.of()),
        new AnswerCheck.Result(10, 40, 0, 1, 0, 0, 0, List.of()), new AnswerCheck.Result(10, 40, 0, 0, 1, 0, 0, List.of()),
        new AnswerCheck.Result(10, 40, 0, 0, 0, 1, 0, List.of()))) {
      TwoInstancesFindings f = new TwoInstancesFindings(new Tally(1, new HopStats(), bad, 3, 0, 0, 0, 0), MOVED, 5,
          ONCE_EACH, DELIVERED, 16, 0, 0, 15);
      assertEquals(1, f.misses().size(), bad.summary());
    }
  }

  @Test
  void aRedialAtTheWrongQuestionFails() {
    TwoInstancesFindings f = new TwoInstancesFindings(new Tally(1, new HopStats(), STORED_ONCE, 3, 1, 0, 0, 0), MOVED,
        5, ONCE_EACH, DELIVERED, 16, 0, 0, 15);
    assertEquals(1, f.misses().size());
  }

  @Test
  void anInvitationMissingOrSentTwiceFails() {
    SendLedger twice = SendLedger.of(INVITED, List.of(text(0, "+1"), text(1, "+1")), 2);
    List<String> misses = new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, twice, DELIVERED, 16, 0, 0, 15).misses();
    assertEquals(List.of("invitations missing, sent twice, or sent to someone not invited"), misses);
  }

  @Test
  void anOutboxRowLeftSendingOrRecordedWithAnotherIdFails() {
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, ONCE_EACH,
        new OutboxRows(Map.of("delivered", 1L, "sending", 1L), 0), 16, 0, 0, 15).misses().size());
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, ONCE_EACH, new OutboxRows(Map.of("delivered", 2L), 1),
        16, 0, 0, 15).misses().size());
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, ONCE_EACH,
        new OutboxRows(Map.of("delivered", 1L, "failed", 1L), 0), 16, 0, 0, 15).misses().size());
  }

  @Test
  void refusedWebhooksFail() {
    TwoInstances.Figures noticeRefused = new TwoInstances.Figures(120, 130, 7, 5, 4, 1, "503 try again later");
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, noticeRefused, 5, ONCE_EACH, DELIVERED, 16, 0, 0, 15)
        .misses().size());
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, ONCE_EACH, DELIVERED, 16, 0, 2, 15).misses().size());
  }

  @Test
  void aRunThatDidNotExerciseBothInstancesOrTheKillFails() {
    TwoInstances.Figures onlyA = new TwoInstances.Figures(250, 0, 0, 5, 0, 0, "");
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, onlyA, 5, ONCE_EACH, DELIVERED, 16, 0, 0, 15).misses().size());
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, MOVED, 0, ONCE_EACH, DELIVERED, 16, 0, 0, 15).misses().size(),
        "nobody hung up and dialled the other instance");
    SendLedger allFromB = SendLedger.of(INVITED, List.of(text(1, "+1"), text(1, "+2")), 2);
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, allFromB, DELIVERED, 16, 0, 0, 15).misses().size());
    assertEquals(1, new TwoInstancesFindings(CLEAN_TALLY, MOVED, 5, ONCE_EACH, DELIVERED, 0, 0, 0, 15).misses().size(),
        "the kill found nothing mid-send");
  }
}
