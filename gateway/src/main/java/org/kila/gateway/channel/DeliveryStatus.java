package org.kila.gateway.channel;

/**
 * Where an outgoing message is, in our words, whatever a provider calls it. Each adapter maps its
 * provider's statuses to these through one table. Callbacks arrive out of order, so a status only
 * ever moves forward: {@link #rank()} orders them, and the final ones never change once reached.
 */
public enum DeliveryStatus {
  /** The provider has the message and has not yet handed it to a mobile network. */
  QUEUED(1),
  /** Handed to a mobile network; not yet known to have reached the phone. */
  SENT(2),
  /** The phone received it. */
  DELIVERED(3),
  /** The network could not deliver it (phone off for too long, number not in service ...). */
  UNDELIVERED(3),
  /** The provider or the network refused it. */
  FAILED(3),
  /** Withdrawn before it was sent. */
  CANCELLED(3);

  private final int rank;

  DeliveryStatus(int rank) {
    this.rank = rank;
  }

  /** Later states rank higher; the four final states share the top rank. */
  public int rank() {
    return rank;
  }

  public boolean isFinal() {
    return rank == 3;
  }
}
