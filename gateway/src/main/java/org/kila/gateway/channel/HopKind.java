package org.kila.gateway.channel;

/** Where a USSD hop sits in its session, as the aggregator tells it. */
public enum HopKind {
  /** The respondent dialled the code: a new aggregator session. */
  START,
  /** The respondent answered the screen we sent last. */
  CONTINUE,
  /** The network gave up waiting for the respondent. */
  TIMEOUT,
  /** The respondent or the network ended the session. */
  RELEASE
}
