package org.kila.gateway.admin.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Argon2id with the OWASP parameters, as a PHC string. */
class PasswordHashTest {

  @Test
  void aHashIsAnArgon2idPhcStringWithTheOwaspParameters() {
    String hash = PasswordHash.of("correct horse battery staple");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(PasswordHash.matches("correct horse battery staple", hash));
    assertFalse(PasswordHash.matches("correct horse battery stapler", hash));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(PasswordHash.of("same password here"), PasswordHash.of("same password here"), "a random salt each time");
  }

  @Test
  void aMalformedStoredHashNeverMatches() {
    assertFalse(PasswordHash.matches("anything", "not a hash"));
    assertFalse(PasswordHash.matches("anything", "$argon2id$v=19$m=19456,t=2,p=1$bm9wZQ$"));
  }
}
