package org.kila.gateway.channel.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.kila.gateway.channel.SmsAdapter;
import org.kila.gateway.channel.SmsAdapterCaseTest;
import org.kila.gateway.channel.SmsInbound;
import org.kila.gateway.channel.WebhookResponse;

/**
 * Twilio inbound messages. The payload files were signed as Twilio signs: HMAC-SHA1 with the auth token
 * {@link #TOKEN} over {@link #PUBLIC_URL} plus the path and query, followed by every field name and
 * value sorted by name, base64.
 */
class TwilioSmsCaseTest extends SmsAdapterCaseTest {
  static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
  static final String TOKEN = "test-auth-token-0123456789abcdef";
  static final String PUBLIC_URL = "https://kila.example.org";

  @Override
  protected SmsAdapter adapter() {
    return new TwilioSms(ACCOUNT, TOKEN, PUBLIC_URL, MAX_BODY_BYTES);
  }

  @Override
  protected String cases() {
    return """
        label                                          | payload                  | target                     | status | body                             | messageId                          | from          | to            | text                 | optOut
        a reply to a question                          | sms-answer               | /sms/twilio                | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | 1                    | -
        text outside GSM-7                             | sms-keyword-unicode    | /sms/twilio                | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | Sauti नमस्ते ça va   | -
        Twilio's own opt-out reading                   | sms-opt-out              | /sms/twilio                | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | STOP                 | STOP
        Twilio's own opt-in reading                    | sms-opt-in               | /sms/twilio                | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | start                | START
        a picture with no text                         | sms-picture-only         | /sms/twilio                | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | ""                   | -
        charset=UTF-8 on the content type              | sms-charset-param        | /sms/twilio                | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | 2                    | -
        signed with the default port spelled out       | sms-default-port         | /sms/twilio                | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | 3                    | -
        a query string is part of what is signed       | sms-query-signed         | /sms/twilio?survey=youth   | 200    | ~<Response/>                     | SM1f0e2d3c4b5a69788796a5b4c3d2e1f0 | +254711000111 | +254700000100 | 4                    | -
        no X-Twilio-Signature                          | sms-no-signature         | /sms/twilio                | 403    | missing X-Twilio-Signature       | -                                  | -             | -             | -                    | -
        signed with another auth token                 | sms-other-token          | /sms/twilio                | 403    | X-Twilio-Signature does not match this request | -                    | -             | -             | -                    | -
        body changed after signing                     | sms-forged-body          | /sms/twilio                | 403    | X-Twilio-Signature does not match this request | -                    | -             | -             | -                    | -
        signed for the URL the gateway sees, not the public one | sms-internal-url | /sms/twilio                | 403    | X-Twilio-Signature does not match this request | -                    | -             | -             | -                    | -
        a status callback replayed as a message        | status-sent              | /sms/twilio                | 403    | X-Twilio-Signature does not match this request | -                    | -             | -             | -                    | -
        a signed query string removed                  | sms-query-signed         | /sms/twilio                | 403    | X-Twilio-Signature does not match this request | -                    | -             | -             | -                    | -
        another Twilio account                         | sms-other-account        | /sms/twilio                | 403    | AccountSid is not this gateway's account | -                          | -             | -             | -                    | -
        missing MessageSid                             | sms-missing-message-sid  | /sms/twilio                | 400    | missing field MessageSid         | -                                  | -             | -             | -                    | -
        missing From                                   | sms-missing-from         | /sms/twilio                | 400    | missing field From               | -                                  | -             | -             | -                    | -
        body over the size limit                       | sms-oversized            | /sms/twilio                | 413    | body is larger than 1024 bytes   | -                                  | -             | -             | -                    | -
        bytes that are not UTF-8                       | sms-invalid-utf8         | /sms/twilio                | 400    | body is not valid UTF-8          | -                                  | -             | -             | -                    | -
        JSON instead of a form                         | sms-json                 | /sms/twilio                | 415    | ~got application/json            | -                                  | -             | -             | -                    | -
        empty body                                     | sms-empty-body           | /sms/twilio                | 400    | body is empty                    | -                                  | -             | -             | -                    | -
        a field sent twice                             | sms-repeated-body        | /sms/twilio                | 400    | form field Body appears more than once | -                            | -             | -             | -                    | -
        """;
  }

  @Test
  void answersWithEmptyTwimlAsXml() {
    WebhookResponse response = adapter().acknowledge(new SmsInbound("twilio", "SM1", "+254711000111", "+254700000100", "1", null));
    assertEquals(new WebhookResponse(200, "text/xml; charset=utf-8",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"), response);
  }
}
