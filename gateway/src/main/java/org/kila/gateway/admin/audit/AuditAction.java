package org.kila.gateway.admin.audit;

import java.util.Locale;

/** What an audit log entry records, as stored in {@code audit_event.action} and shown by the API (lower case). */
public enum AuditAction {
  SIGN_IN,
  /** A wrong password, an unknown email or a disabled account; a throttled try is not one. */
  SIGN_IN_FAILED,
  LAUNCH,
  PAUSE,
  CLOSE,
  /** A draft saved over an existing survey (a new version or a replaced draft). */
  EDIT,
  CREATE,
  /** A download: responses, codebook or tallies. */
  EXPORT,
  USER_CREATE,
  /** A role, password or disabled flag changed. */
  USER_CHANGE,
  /** A list of phone numbers invited to a survey by SMS. */
  INVITE;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
