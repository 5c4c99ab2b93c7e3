package org.kila.gateway.channel.africastalking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.kila.gateway.channel.InputMode;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.UssdAdapter;
import org.kila.gateway.channel.UssdAdapterCaseTest;
import org.kila.gateway.channel.UssdReply;
import org.kila.gateway.channel.WebhookResponse;
import org.junit.jupiter.api.Test;

class AfricasTalkingUssdCaseTest extends UssdAdapterCaseTest {

  @Override
  protected UssdAdapter adapter() {
    return new AfricasTalkingUssd(MAX_BODY_BYTES);
  }

  @Override
  protected InputMode mode() {
    return InputMode.CUMULATIVE;
  }

  @Override
  protected String newlineInBody() {
    return "\n";
  }

  @Override
  protected String cases() {
    return """
        label                                   | payload              | status | body                                   | kind     | text                  | hopKey                | serviceCode | phone
        dialling starts a session               | start                | 200    | CON Welcome                            | START    | ""                    | ""                    | *384*12#    | +254711000111
        first answer                            | continue             | 200    | CON Welcome                            | CONTINUE | 1                     | 1                     | *384*12#    | +254711000111
        later hops carry every input so far     | cumulative           | 200    | CON Welcome                            | CONTINUE | 1*2*25                | 1*2*25                | *384*12#    | +254711000111
        a typed star is passed on verbatim      | typed-star           | 200    | CON Welcome                            | CONTINUE | 1*2*my plot is 4*5    | 1*2*my plot is 4*5    | *384*12#    | +254711000111
        percent-encoded UTF-8 answer            | utf8-answer          | 200    | CON Welcome                            | CONTINUE | 1*Café नेपाल           | 1*Café नेपाल           | *384*12#    | +254711000111
        charset=UTF-8 on the content type       | charset-param        | 200    | CON Welcome                            | CONTINUE | 2                     | 2                     | *384*12#    | +254711000111
        no text field and a bare service code   | bare-service-code    | 200    | CON Welcome                            | START    | ""                    | ""                    | *384*12#    | +254711000111
        stars and hash left unencoded           | unencoded-stars      | 200    | CON Welcome                            | CONTINUE | 3*1                   | 3*1                   | *384*12#    | +254711000111
        missing sessionId                       | missing-session-id   | 400    | missing field sessionId                | -        | -                     | -                     | -           | -
        blank sessionId                         | blank-session-id     | 400    | missing field sessionId                | -        | -                     | -                     | -           | -
        missing serviceCode                     | missing-service-code | 400    | missing field serviceCode              | -        | -                     | -                     | -           | -
        missing phoneNumber                     | missing-phone-number | 400    | missing field phoneNumber              | -        | -                     | -                     | -           | -
        empty body                              | empty-body           | 400    | body is empty                          | -        | -                     | -                     | -           | -
        body over the size limit                | oversized            | 413    | body is larger than 1024 bytes         | -        | -                     | -                     | -           | -
        raw bytes that are not UTF-8            | invalid-utf8         | 400    | body is not valid UTF-8                | -        | -                     | -                     | -           | -
        percent-escapes that are not UTF-8      | invalid-utf8-escape  | 400    | ~form field text is not valid          | -        | -                     | -                     | -           | -
        a cut-off percent-escape                | malformed-escape     | 400    | ~form field text is not valid          | -        | -                     | -                     | -           | -
        JSON instead of a form                  | json-content-type    | 415    | ~got application/json                  | -        | -                     | -                     | -           | -
        no Content-Type                         | no-content-type      | 415    | Content-Type must be application/x-www-form-urlencoded | - | -           | -                     | -           | -
        a charset other than UTF-8              | latin1-charset       | 415    | charset must be UTF-8, got ISO-8859-1  | -        | -                     | -                     | -           | -
        a Content-Type of only semicolons       | semicolons-content-type | 415 | ~Content-Type must be application/x-www-form-urlencoded | - | -         | -                     | -           | -
        a field sent twice                      | repeated-text        | 400    | form field text appears more than once | -        | -                     | -                     | -           | -
        """;
  }

  @Test
  void continuesWithCon() {
    WebhookResponse response = adapter().reply(sampleHop(), UssdReply.next("Your age?\n1. Under 18\n2. 18-35"));
    assertEquals(new WebhookResponse(200, "text/plain; charset=utf-8", "CON Your age?\n1. Under 18\n2. 18-35"), response);
  }

  @Test
  void endsWithEnd() {
    WebhookResponse response = adapter().reply(sampleHop(), UssdReply.last("Asante! Thank you."));
    assertEquals(new WebhookResponse(200, "text/plain; charset=utf-8", "END Asante! Thank you."), response);
  }

  @Test
  void refusesWithThePlainReason() {
    WebhookResponse response = adapter().rejection((Parsed.Rejected<?>) Parsed.rejected(400, "missing field sessionId"));
    assertEquals(new WebhookResponse(400, "text/plain; charset=utf-8", "missing field sessionId"), response);
  }
}
