package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.kila.gateway.store.SmsEncoding;

class SmsBodyTest {

  @Test
  void aPlainPromptIsOneGsm7Segment() {
    assertEquals(new SmsBody("Your age?\n1. Under 18\n2. 18-35", SmsEncoding.GSM7, 1), SmsBody.of("Your age?\n1. Under 18\n2. 18-35"));
  }

  @Test
  void pastOneSixtyCharactersItTakes153PerSegment() {
    assertEquals(2, SmsBody.of("a".repeat(161)).segments());
    assertEquals(2, SmsBody.of("a".repeat(306)).segments());
    assertEquals(3, SmsBody.of("a".repeat(307)).segments());
  }

  @Test
  void oneCharacterOutsideGsm7MakesItUcs2() {
    SmsBody body = SmsBody.of("Asante 🙏");
    assertEquals(SmsEncoding.UCS2, body.encoding());
    assertEquals(1, body.segments());
    assertEquals(2, SmsBody.of("ধন্যবাদ ".repeat(9)).segments(), "72 UTF-16 units: two UCS-2 segments");
  }
}
