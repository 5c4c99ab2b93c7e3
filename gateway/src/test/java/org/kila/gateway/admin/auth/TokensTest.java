package org.kila.gateway.admin.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Session, CSRF and setup tokens. */
class TokensTest {

  @Test
  void tokensAre256RandomBitsInUrlSafeText() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String token = Tokens.random();
      assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
      assertTrue(seen.add(token));
    }
  }

  @Test
  void theStoredHashIsSha256() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(Tokens.hash("abc")), "the FIPS 180-2 test vector");
  }

  @Test
  void comparisonNeedsTheExactText() {
    assertTrue(Tokens.same("token", "token"));
    assertFalse(Tokens.same("token", "token "));
    assertFalse(Tokens.same("token", null));
    assertFalse(Tokens.same(null, "token"));
  }

  @Test
  void rolesIncludeTheRolesBelowThem() {
    assertTrue(Role.ADMIN.allows(Role.DESIGNER));
    assertTrue(Role.DESIGNER.allows(Role.VIEWER));
    assertFalse(Role.VIEWER.allows(Role.DESIGNER));
    assertFalse(Role.DESIGNER.allows(Role.ADMIN));
    assertEquals(Role.DESIGNER, Role.fromJson("designer").orElseThrow());
    assertTrue(Role.fromJson("Designer").isEmpty());
  }
}
