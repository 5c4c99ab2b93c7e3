package org.kila.gateway.channel;

/**
 * How an aggregator reports what the respondent typed. The session layer needs this to find the new
 * input: never by splitting a cumulative string on '*', because a typed answer may contain '*'.
 */
public enum InputMode {
  /** Every input of the session so far, joined by '*' (Africa's Talking). */
  CUMULATIVE,
  /** Only the newest input (Hubtel). */
  LATEST
}
