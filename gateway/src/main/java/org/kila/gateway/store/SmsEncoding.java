package org.kila.gateway.store;

/** How a text travels, which decides its segment size; stored in {@code sms_outbox.encoding}. */
public enum SmsEncoding {
  /** The GSM 03.38 alphabet: 160 characters in one segment, 153 per segment when longer. */
  GSM7,
  /** Anything else: 70 UTF-16 units in one segment, 67 per segment when longer. */
  UCS2
}
