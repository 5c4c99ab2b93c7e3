package org.kila.gateway.admin.auth;

import java.time.Instant;

/**
 * A row of {@code admin_user}.
 *
 * @param passwordHash the Argon2id PHC string; never leaves the server
 * @param lastSignIn null until the first sign-in
 */
public record UserRow(long id, String email, Role role, String passwordHash, boolean disabled, Instant createdAt,
    Instant lastSignIn) {

  @Override
  public String toString() {
    return "UserRow[id=" + id + ", email=" + email + ", role=" + role + ", disabled=" + disabled + "]";
  }
}
