package org.kila.bench.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvitationUploadTest {

  @Test
  void theListIsAPhoneColumnUnderItsHeader() {
    assertEquals("phone\n+254790000000\n+254790000001\n", InvitationUpload.csv(List.of("+254790000000", "+254790000001")));
  }

  @Test
  void theFileGoesInOneMultipartFieldNamedFile() {
    String body = new String(InvitationUpload.multipart("file", "invitations.csv", "phone\n+254790000000\n"),
        StandardCharsets.UTF_8);
    assertEquals("--kila-bench-invitations\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"invitations.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n"
        + "phone\n+254790000000\n\r\n"
        + "--kila-bench-invitations--\r\n", body);
  }

  @Test
  void theSessionCookieIsSentBackWithoutItsAttributes() {
    assertEquals(Optional.of("kila_session=abc123"), InvitationUpload.sessionCookie(
        List.of("other=1; Path=/", "kila_session=abc123; Path=/api; HttpOnly; SameSite=Strict")));
    assertEquals(Optional.empty(), InvitationUpload.sessionCookie(List.of("kila_sessionx=1")));
  }
}
