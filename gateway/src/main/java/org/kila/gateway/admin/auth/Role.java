package org.kila.gateway.admin.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an admin page account may do. Each role may do everything the roles before it may, and the
 * server checks the role on every route.
 */
public enum Role {
  /** Programme coordinators: tallies and participation, never free-text answers or raw exports. */
  VIEWER,
  /** Creates, edits, launches and closes surveys; exports; reads free-text answers. */
  DESIGNER,
  /** Everything, including accounts and the audit log. */
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean allows(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** The name in JSON and in the database: {@code viewer}, {@code designer}, {@code admin}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromJson(String text) {
    return Arrays.stream(values()).filter(r -> r.json().equals(text)).findFirst();
  }
}
