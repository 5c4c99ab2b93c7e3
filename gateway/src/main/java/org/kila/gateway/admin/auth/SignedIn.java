package org.kila.gateway.admin.auth;

/** Who made a request, as their session says: the account, its role now, and the session's CSRF token. */
public record SignedIn(long userId, String email, Role role, String csrfToken) {

  @Override
  public String toString() {
    return "SignedIn[" + email + " as " + role.json() + "]";
  }
}
