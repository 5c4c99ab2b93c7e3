package org.kila.gateway.sms;

import org.kila.gateway.store.SmsEncoding;
import org.kila.survey.render.Gsm7;

/**
 * A text as the network will carry it: GSM-7 when every character is in the GSM alphabet, else UCS-2,
 * and how many segments that takes (160/153 or 70/67 per segment). Segments are what providers charge
 * for, so they are stored with every outgoing text and counted.
 */
public record SmsBody(String text, SmsEncoding encoding, int segments) {

  public static SmsBody of(String text) {
    Gsm7.Segments measured = Gsm7.segments(text);
    return new SmsBody(text, measured.ucs2() ? SmsEncoding.UCS2 : SmsEncoding.GSM7, measured.count());
  }
}
