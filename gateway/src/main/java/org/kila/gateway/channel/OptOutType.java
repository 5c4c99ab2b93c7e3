package org.kila.gateway.channel;

/**
 * A provider's own reading of an inbound message as an opt-out keyword (Twilio's Advanced Opt-Out sends
 * it as {@code OptOutType}). A provider that already acted on it (blocking further messages) expects us
 * to honour it too.
 */
public enum OptOutType {
  /** The number opted out: no further messages until START. */
  STOP,
  /** The number opted back in. */
  START,
  /** The respondent asked for help. */
  HELP
}
