package org.kila.gateway.channel.africastalking;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kila.gateway.channel.SmsAdapter;
import org.kila.gateway.channel.SmsAdapterCaseTest;

/** Africa's Talking inbound SMS, on the route whose last segment is the shared secret {@link #SECRET}. */
class AfricasTalkingSmsCaseTest extends SmsAdapterCaseTest {
  static final String SECRET = "Zq7-Xw2pLk9vRt4mNb6c";

  @Override
  protected SmsAdapter adapter() {
    return new AfricasTalkingSms(SECRET, MAX_BODY_BYTES);
  }

  @Override
  protected String cases() {
    return """
        label                                   | payload              | target                                        | status | body                            | messageId                            | from          | to    | text              | optOut
        a reply to a question                   | sms-answer           | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 200    | OK                              | a1b2c3d4-5e6f-4a5b-8c9d-0e1f2a3b4c5d | +254711000111 | 21525 | 1                 | -
        a keyword with spaces around it         | sms-keyword          | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 200    | OK                              | a1b2c3d4-5e6f-4a5b-8c9d-0e1f2a3b4c5d | +254711000111 | 21525 | ~sauti            | -
        an emoji, which needs UCS-2             | sms-unicode          | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 200    | OK                              | a1b2c3d4-5e6f-4a5b-8c9d-0e1f2a3b4c5d | +254711000111 | 21525 | Ndiyo, asante 🙏  | -
        no text field                           | sms-no-text          | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 200    | OK                              | a1b2c3d4-5e6f-4a5b-8c9d-0e1f2a3b4c5d | +254711000111 | 21525 | ""                | -
        STOP is read by our keywords, not here  | sms-stop             | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 200    | OK                              | a1b2c3d4-5e6f-4a5b-8c9d-0e1f2a3b4c5d | +254711000111 | 21525 | STOP              | -
        a query string after the secret         | sms-answer           | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c?a=1  | 200    | OK                              | a1b2c3d4-5e6f-4a5b-8c9d-0e1f2a3b4c5d | +254711000111 | 21525 | 1                 | -
        a wrong secret                          | sms-answer           | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6d      | 403    | unknown path                    | -                                    | -             | -     | -                 | -
        the secret with a character more        | sms-answer           | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6cc     | 403    | unknown path                    | -                                    | -             | -     | -                 | -
        no secret                               | sms-answer           | /sms/africastalking/                          | 403    | unknown path                    | -                                    | -             | -     | -                 | -
        a wrong secret is refused before the body is read | sms-oversized | /sms/africastalking/guess                  | 403    | unknown path                    | -                                    | -             | -     | -                 | -
        missing id                              | sms-missing-id       | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 400    | missing field id                | -                                    | -             | -     | -                 | -
        missing from                            | sms-missing-from     | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 400    | missing field from              | -                                    | -             | -     | -                 | -
        body over the size limit                | sms-oversized        | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 413    | body is larger than 1024 bytes  | -                                    | -             | -     | -                 | -
        bytes that are not UTF-8                | sms-invalid-utf8     | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 400    | body is not valid UTF-8         | -                                    | -             | -     | -                 | -
        JSON instead of a form                  | sms-json             | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 415    | ~got application/json           | -                                    | -             | -     | -                 | -
        empty body                              | sms-empty-body       | /sms/africastalking/Zq7-Xw2pLk9vRt4mNb6c      | 400    | body is empty                   | -                                    | -             | -     | -                 | -
        """;
  }

  @Test
  void refusesAShortSecret() {
    assertThrows(IllegalArgumentException.class, () -> new AfricasTalkingSms("short", MAX_BODY_BYTES));
  }
}
