package org.kila.gateway.store;

import org.kila.gateway.channel.DeliveryStatus;

/** Where an outgoing text stands, as stored in {@code sms_outbox.status} (lower case). */
public enum OutboxStatus {
  /** Waiting for its next attempt. */
  QUEUED(0),
  /** Claimed by a sender, which is handing it to the provider (until its lease runs out). */
  SENDING(1),
  /** The provider took it. */
  SENT(2),
  DELIVERED(3),
  /** The provider gave up on it, or we did (a permanent refusal, or too many attempts). */
  FAILED(3),
  UNDELIVERED(3),
  /** Never sent: withdrawn because the number opted out first. */
  CANCELLED(3);

  private final int rank;

  OutboxStatus(int rank) {
    this.rank = rank;
  }

  /** Statuses only move to a higher rank: a late "sent" never overwrites "delivered". */
  public int rank() {
    return rank;
  }

  /** The status a provider's delivery report moves a message to. */
  public static OutboxStatus of(DeliveryStatus status) {
    return switch (status) {
      // The provider holding the message is all "sent" means to us.
      case QUEUED, SENT -> SENT;
      case DELIVERED -> DELIVERED;
      case UNDELIVERED -> UNDELIVERED;
      case FAILED -> FAILED;
      case CANCELLED -> CANCELLED;
    };
  }
}
