package org.kila.gateway.channel.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.kila.gateway.channel.DeliveryReportAdapter;
import org.kila.gateway.channel.DeliveryReportAdapterCaseTest;

/** Twilio status callbacks, signed as {@link TwilioSmsCaseTest} describes, on a URL carrying the outbox key. */
class TwilioStatusCaseTest extends DeliveryReportAdapterCaseTest {

  @Override
  protected DeliveryReportAdapter adapter() {
    return new TwilioStatus(TwilioSmsCaseTest.ACCOUNT, TwilioSmsCaseTest.TOKEN, TwilioSmsCaseTest.PUBLIC_URL, MAX_BODY_BYTES, CLOCK);
  }

  @Override
  protected String cases() {
    return """
        label                                     | payload                   | target                                | status | body                                           | messageId                          | key         | deliveryStatus | errorCode | optedOut
        queued at Twilio                          | status-queued             | /sms/twilio/status?key=ob-4f1c2a9e    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | ob-4f1c2a9e | QUEUED         | - | false
        handed to the network                     | status-sent               | /sms/twilio/status?key=ob-4f1c2a9e    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | ob-4f1c2a9e | SENT           | - | false
        on the phone                              | status-delivered          | /sms/twilio/status?key=ob-4f1c2a9e    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | ob-4f1c2a9e | DELIVERED      | - | false
        could not reach the phone, with its code  | status-undelivered        | /sms/twilio/status?key=ob-4f1c2a9e    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | ob-4f1c2a9e | UNDELIVERED    | 30003 | false
        refused, with its code                    | status-failed             | /sms/twilio/status?key=ob-4f1c2a9e    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | ob-4f1c2a9e | FAILED         | 30007 | false
        withdrawn before sending                  | status-canceled           | /sms/twilio/status?key=ob-4f1c2a9e    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | ob-4f1c2a9e | CANCELLED      | - | false
        the number opted out with Twilio           | status-opted-out          | /sms/twilio/status?key=ob-4f1c2a9e    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | ob-4f1c2a9e | FAILED         | 21610 | true
        a callback URL without a key              | status-no-key             | /sms/twilio/status                    | 200    | OK                                             | SM5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b | -           | SENT           | - | false
        no X-Twilio-Signature                     | status-no-signature       | /sms/twilio/status?key=ob-4f1c2a9e    | 403    | missing X-Twilio-Signature                     | -                                  | -           | -              | - | -
        signed with another auth token            | status-other-token        | /sms/twilio/status?key=ob-4f1c2a9e    | 403    | X-Twilio-Signature does not match this request | -                                  | -           | -              | - | -
        the key in the URL changed                | status-forged-key         | /sms/twilio/status?key=ob-00000000    | 403    | X-Twilio-Signature does not match this request | -                                  | -           | -              | - | -
        a failure rewritten as delivered          | status-forged-status      | /sms/twilio/status?key=ob-4f1c2a9e    | 403    | X-Twilio-Signature does not match this request | -                                  | -           | -              | - | -
        an inbound message replayed as a status   | sms-answer                | /sms/twilio/status?key=ob-4f1c2a9e    | 403    | X-Twilio-Signature does not match this request | -                                  | -           | -              | - | -
        missing MessageStatus                     | status-missing-status     | /sms/twilio/status?key=ob-4f1c2a9e    | 400    | missing field MessageStatus                    | -                                  | -           | -              | - | -
        missing MessageSid                        | status-missing-sid        | /sms/twilio/status?key=ob-4f1c2a9e    | 400    | missing field MessageSid                       | -                                  | -           | -              | - | -
        a status not in the table                 | status-unknown-status     | /sms/twilio/status?key=ob-4f1c2a9e    | 400    | unknown MessageStatus 'teleported'             | -                                  | -           | -              | - | -
        body over the size limit                  | status-oversized          | /sms/twilio/status?key=ob-4f1c2a9e    | 413    | body is larger than 1024 bytes                 | -                                  | -           | -              | - | -
        bytes that are not UTF-8                  | status-invalid-utf8       | /sms/twilio/status?key=ob-4f1c2a9e    | 400    | ~not valid                                     | -                                  | -           | -              | - | -
        """;
  }

  @Test
  void readsOnlyAKeyWeCouldHaveWritten() {
    assertEquals("ob-1", TwilioStatus.outboxKey("/sms/twilio/status?x=1&key=ob-1"));
    assertNull(TwilioStatus.outboxKey("/sms/twilio/status?key=%27%3B"));
    assertNull(TwilioStatus.outboxKey("/sms/twilio/status?key="));
    assertNull(TwilioStatus.outboxKey("/sms/twilio/status"));
  }
}
