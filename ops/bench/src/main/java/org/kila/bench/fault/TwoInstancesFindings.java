package org.kila.bench.fault;

import java.util.ArrayList;
import java.util.List;
import org.kila.bench.load.TwoInstances;
import org.kila.bench.sms.OutboxRows;
import org.kila.bench.sms.SendLedger;

/**
 * What the two-instance scenario found, and what in it is a failure: anything lost, doubled, phantom or
 * split, a redial that did not continue where it left off, an invitation missing, doubled or misrecorded, a
 * webhook refused; and also a run that did not test what it claims (no session moved between the
 * instances, an instance that sent no text, a kill that found no text mid-send).
 *
 * @param hangUps respondents who hung up on purpose and dialled again
 * @param heldAtKill texts Twilio had taken from A and not answered when A was killed
 * @param twilioRefused requests the fake Twilio refused (wrong path or credentials, no recipient)
 * @param callbacksRefused status callbacks a gateway refused with a 4xx (one it could not take when busy or
 *     down is reported, not failed: Twilio does not send it again either, and the look-up settles the text)
 */
record TwoInstancesFindings(Tally tally, TwoInstances.Figures routes, long hangUps, SendLedger ledger,
    OutboxRows rows, int heldAtKill, int twilioRefused, int callbacksRefused, int smsRate) {

  List<String> misses() {
    List<String> misses = new ArrayList<>();
    if (!tally.clean()) {
      misses.add("USSD answers lost, duplicated or misplaced, or sessions not continued where they were");
    }
    if (routes.servedA() == 0 || routes.servedB() == 0 || hangUps == 0) {
      misses.add("sessions did not move between the instances (requests A " + routes.servedA() + ", B "
          + routes.servedB() + ", hang-ups " + hangUps + ")");
    }
    if (routes.noticesNotTaken() > 0) {
      misses.add(routes.noticesNotTaken() + " end-of-session notices were not taken after "
          + TwoInstances.NOTICE_ATTEMPTS + " attempts (last: " + routes.lastRefusal() + ")");
    }
    if (!ledger.clean()) {
      misses.add("invitations missing, sent twice, or sent to someone not invited");
    }
    if (ledger.byInstance().contains(0)) {
      misses.add("an instance sent no invitation: both did not drain the outbox");
    }
    if (heldAtKill == 0) {
      misses.add("the kill found no text in the middle of being sent");
    }
    if (rows.unsettled() > 0 || rows.givenUp() > 0 || rows.misrecorded() > 0) {
      misses.add("outbox rows not recorded as sent with Twilio's id: " + rows.byStatus() + ", misrecorded "
          + rows.misrecorded());
    }
    if (twilioRefused > 0 || callbacksRefused > 0) {
      misses.add("Twilio refused " + twilioRefused + " requests, and the gateways refused " + callbacksRefused
          + " status callbacks");
    }
    return misses;
  }

  /** The results row: the fault figures every fault scenario gives, then the two instances' own. */
  String figures() {
    return tally.figures() + String.format("; split sessions %d; hung up and dialled the other instance %d; "
        + "invitations %d: received by Twilio %d (A %d, B %d), missing %d, duplicated %d, not invited %d; "
        + "%d texts unanswered at the kill; busiest 10 s per instance A %.1f/s, B %.1f/s at %d/s configured; "
        + "outbox rows unsettled %d, misrecorded %d", tally.check().split(), hangUps, ledger.invited(),
        ledger.received(), ledger.byInstance().get(0), ledger.byInstance().get(1), ledger.missing(),
        ledger.duplicated(), ledger.unexpected(), heldAtKill, ledger.busiestPerSecond().get(0),
        ledger.busiestPerSecond().get(1), smsRate, rows.unsettled(), rows.misrecorded());
  }
}
