package org.kila.gateway.admin.audit;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param actor the account's email; for a failed sign-in, the email as typed; for the first admin, how it
 *     was made ({@code KILA_ADMIN_EMAIL} or {@code setup link})
 * @param target what was acted on: {@code survey-id v2}, an account's email; may be null
 * @param detail a few words more, such as the date range of an export; may be null
 * @param address the client's address; null for what the server did by itself at start
 */
public record AuditEntry(Instant at, String actor, AuditAction action, String target, String detail, String address) {}
