package org.kila.bench.sms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invitations' rows in the gateway's outbox (table {@code sms_outbox}), read with plain SQL after the
 * drain: how many are in each status, and how many record a Twilio message id that Twilio (the fake) never
 * created, or none at all although sent. Only the two-instance scenario invites anyone in a run.
 *
 * @param byStatus rows per status
 * @param misrecorded sent or delivered rows whose message id is missing or not one Twilio created
 */
public record OutboxRows(Map<String, Long> byStatus, long misrecorded) {
  /** Rows still waiting to be sent or being sent. */
  public long unsettled() {
    return byStatus.getOrDefault("queued", 0L) + byStatus.getOrDefault("sending", 0L);
  }

  /** Rows given up: failed, undelivered or cancelled. */
  public long givenUp() {
    return byStatus.entrySet().stream()
        .filter(e -> !Set.of("queued", "sending", "sent", "delivered").contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  public static OutboxRows read(Connection c, Collection<String> createdSids) throws SQLException {
    Set<String> created = new HashSet<>(createdSids);
    Map<String, Long> byStatus = new TreeMap<>();
    long misrecorded = 0;
    try (PreparedStatement st = c.prepareStatement(
        "SELECT status, provider_message_id FROM sms_outbox WHERE kind = 'invitation'");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String status = rs.getString(1);
        String sid = rs.getString(2);
        byStatus.merge(status, 1L, Long::sum);
        boolean sent = status.equals("sent") || status.equals("delivered");
        if ((sent && sid == null) || (sid != null && !created.contains(sid))) {
          misrecorded++;
        }
      }
    }
    return new OutboxRows(byStatus, misrecorded);
  }
}
