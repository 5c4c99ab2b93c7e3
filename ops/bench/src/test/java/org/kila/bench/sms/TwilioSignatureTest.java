package org.kila.bench.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fake Twilio's signatures are Twilio's: the values below are accepted by the Twilio SDK's
 * RequestValidator, which the gateway checks its webhooks with.
 */
class TwilioSignatureTest {

  @Test
  void signsTwiliosDocumentedExample() {
    Map<String, String> fields = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309", "Digits", "1234",
        "From", "+14158675309", "To", "+18005551212");
    assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=",
        TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields));
  }

  @Test
  void signsAStatusCallbackWithItsOutboxKeyInTheQuery() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MessageSid", "SM0123");
    fields.put("MessageStatus", "sent");
    fields.put("To", "+254790000001");
    String url = "http://gateway.bench.invalid/sms/twilio/status?key=abc_DEF-1";
    assertEquals("sOPOpGds6ca909kV6vfv35fMgaI=", TwilioSignature.of("tok", url, fields));
    assertNotEquals("sOPOpGds6ca909kV6vfv35fMgaI=",
        TwilioSignature.of("tok", url.replace("abc_DEF-1", "abc_DEF-2"), fields), "the key is part of what is signed");
  }
}
