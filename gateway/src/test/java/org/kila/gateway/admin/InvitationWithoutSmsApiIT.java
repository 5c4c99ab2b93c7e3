package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;

/** On a gateway without an SMS provider, inviting by SMS says what to configure. */
class InvitationWithoutSmsApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  @Test
  void withoutSmsTheUploadGets409SayingWhatToSetUp() {
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).upload("/api/surveys/youth-voice-ke/invitations", "file",
        "numbers.csv", "phone\n+254711500051\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(409, answer.status(), answer.body());
    assertEquals("SMS is not configured on this gateway: set a Twilio or Africa's Talking account first.", answer.error());
  }
}
