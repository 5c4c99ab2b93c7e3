package org.kila.gateway.channel.hubtel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kila.gateway.channel.InputMode;
import org.kila.gateway.channel.Parsed;
import org.kila.gateway.channel.UssdAdapter;
import org.kila.gateway.channel.UssdAdapterCaseTest;
import org.kila.gateway.channel.UssdReply;
import org.kila.gateway.channel.WebhookResponse;

class HubtelUssdCaseTest extends UssdAdapterCaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected UssdAdapter adapter() {
    return new HubtelUssd(MAX_BODY_BYTES);
  }

  @Override
  protected InputMode mode() {
    return InputMode.LATEST;
  }

  @Override
  protected String newlineInBody() {
    return "\\n";
  }

  @Override
  protected String cases() {
    return """
        label                                     | payload                      | status | body                                        | kind     | text          | hopKey | serviceCode | phone
        dialling starts a session                 | initiation                   | 200    | ~"SessionId":"3c2b7d1e9a8f4b6c"             | START    | ""            | 1      | *713*12#    | 233244000111
        no dialled string: the ServiceCode        | initiation-service-code-only | 200    | ~"Type":"response"                          | START    | ""            | 1      | *713*12#    | 233244000111
        an answer is the newest input only        | response                     | 200    | ~"Message":"Welcome"                        | CONTINUE | 2             | 2      | *713#       | 233244000111
        a typed star is passed on verbatim        | response-typed-star          | 200    | ~"DataType":"input"                         | CONTINUE | 12*5          | 3      | *713#       | 233244000111
        Sequence sent as a JSON number            | response-numeric-sequence    | 200    | ~"FieldType":"text"                         | CONTINUE | 1             | 4      | *713#       | 233244000111
        non-ASCII answer                          | response-unicode             | 200    | ~"Label":"Welcome"                          | CONTINUE | Accra – Osu ✓ | 5      | *713#       | 233244000111
        the respondent hung up                    | release                      | 200    | ~"SessionId":"3c2b7d1e9a8f4b6c"             | RELEASE  | ""            | 6      | *713#       | 233244000111
        the network timed out                     | timeout                      | 200    | ~"SessionId":"3c2b7d1e9a8f4b6c"             | TIMEOUT  | ""            | 6      | *713#       | 233244000111
        field names in another case               | lowercase-field-names        | 200    | ~"SessionId":"3c2b7d1e9a8f4b6c"             | CONTINUE | 3             | 7      | *713#       | 233244000111
        an app channel's service id is left as sent | app-service-id             | 200    | ~"SessionId":"8d440a43a98b4614"             | START    | ""            | 1      | b230733cd56b4a0fad820e39f66bc27c | 233244000111
        missing SessionId                         | missing-session-id           | 400    | {"error":"missing field SessionId"}         | -        | -             | -      | -           | -
        missing Type                              | missing-type                 | 400    | {"error":"missing field Type"}              | -        | -             | -      | -           | -
        blank Mobile                              | missing-mobile               | 400    | {"error":"missing field Mobile"}            | -        | -             | -      | -           | -
        missing Sequence                          | missing-sequence             | 400    | {"error":"missing field Sequence"}          | -        | -             | -      | -           | -
        missing ServiceCode after Initiation      | missing-service-code         | 400    | {"error":"missing field ServiceCode"}       | -        | -             | -      | -           | -
        empty body                                | empty-body                   | 400    | {"error":"body is empty"}                   | -        | -             | -      | -           | -
        body over the size limit                  | oversized                    | 413    | {"error":"body is larger than 1024 bytes"}  | -        | -             | -      | -           | -
        bytes that are not UTF-8                  | invalid-utf8                 | 400    | {"error":"body is not valid UTF-8"}         | -        | -             | -      | -           | -
        a form instead of JSON                    | form-content-type            | 415    | ~must be application/json, got application/x-www-form-urlencoded | - | - | -   | -           | -
        malformed JSON names the position         | malformed-json               | 400    | ~not valid JSON at line 4, column 3         | -        | -             | -      | -           | -
        a JSON array                              | array-body                   | 400    | {"error":"body must be a JSON object"}      | -        | -             | -      | -           | -
        content after the JSON object             | trailing-garbage             | 400    | ~not valid JSON at line 1                   | -        | -             | -      | -           | -
        a Type not in the table                   | unknown-type                 | 400    | ~unknown Type 'AddToCart'                   | -        | -             | -      | -           | -
        an object where text belongs              | object-message               | 400    | {"error":"field Message must be a string"}  | -        | -             | -      | -           | -
        one field twice in different case         | repeated-type                | 400    | {"error":"field Type appears more than once"} | -      | -             | -      | -           | -
        """;
  }

  @Test
  void continuesWithAResponseAskingForInput() throws Exception {
    WebhookResponse response = adapter().reply(sampleHop(), UssdReply.next("Your age?\n1. Under 18\n2. 18-35"));
    assertEquals(200, response.status());
    assertEquals("application/json; charset=utf-8", response.contentType());
    JsonNode json = JSON.readTree(response.body());
    assertEquals("session-1", json.get("SessionId").asText());
    assertEquals("response", json.get("Type").asText());
    assertEquals("Your age?\n1. Under 18\n2. 18-35", json.get("Message").asText());
    assertEquals("Your age?", json.get("Label").asText());
    assertEquals("input", json.get("DataType").asText());
    assertEquals("text", json.get("FieldType").asText());
    assertEquals("", json.get("ClientState").asText());
  }

  @Test
  void endsWithAReleaseThatOnlyDisplays() throws Exception {
    WebhookResponse response = adapter().reply(sampleHop(), UssdReply.last("Medaase! Thank you."));
    JsonNode json = JSON.readTree(response.body());
    assertEquals("release", json.get("Type").asText());
    assertEquals("Medaase! Thank you.", json.get("Message").asText());
    assertEquals("display", json.get("DataType").asText());
  }

  @Test
  void refusesWithAJsonReason() throws Exception {
    WebhookResponse response = adapter().rejection((Parsed.Rejected<?>) Parsed.rejected(415, "Content-Type must be \"application/json\""));
    assertEquals(415, response.status());
    assertEquals("application/json; charset=utf-8", response.contentType());
    assertEquals("Content-Type must be \"application/json\"", JSON.readTree(response.body()).get("error").asText());
  }
}
