package org.kila.gateway.admin.users;

import java.util.Optional;

/**
 * What a new password must be: at least 12 characters, which resists guessing far better than any rule
 * about symbols (NIST SP 800-63B), and at most 1024, so that nobody can make the server hash a megabyte.
 */
public final class NewPassword {
  public static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1024;

  private NewPassword() {}

  /** Why {@code password} is refused, in plain words; empty when it is acceptable. */
  public static Optional<String> problem(String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("A password is needed.");
    }
    if (password.length() < MIN_LENGTH) {
      return Optional.of("The password must be at least " + MIN_LENGTH + " characters long.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
    }
    return Optional.empty();
  }
}
