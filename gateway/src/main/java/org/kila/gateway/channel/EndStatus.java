package org.kila.gateway.channel;

/** How an aggregator says a USSD session ended. */
public enum EndStatus {
  /** The respondent hung up or the network timed out before our last screen. */
  DROPPED,
  /** The session ended on a screen we marked as the last one. */
  COMPLETED,
  /** The aggregator or the network failed the session. */
  FAILED
}
