package org.kila.gateway.admin.surveys;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.ClientAddress;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.audit.AuditAction;
import org.kila.gateway.admin.audit.AuditDao;
import org.kila.gateway.admin.audit.AuditEntry;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.sms.Invitations;

/**
 * {@code POST /api/surveys/{id}/invitations} (designers and admins): a CSV of phone numbers, uploaded as the
 * multipart field {@code file}, each invited to the survey by SMS through {@link Invitations}; the answer
 * says how many were queued and which rows were skipped and why. 409 when this gateway has no SMS
 * provider, 404 for an unknown survey, 422 for a file refused as a whole (nothing queued).
 */
public final class InvitationRoutes {
  static final String FIELD = "file";
  static final String NO_SMS = "SMS is not configured on this gateway: set a Twilio or Africa's Talking account first.";

  private final Jdbi jdbi;
  private final Blocking blocking;
  private final Optional<Invitations> invitations;
  private final Clock clock;

  /** {@code invitations}: empty when SMS is not configured. */
  public InvitationRoutes(Jdbi jdbi, Blocking blocking, Optional<Invitations> invitations, Clock clock) {
    this.jdbi = jdbi;
    this.blocking = blocking;
    this.invitations = invitations;
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.POST, "/api/surveys/:id/invitations", Role.DESIGNER, this::invite);
  }

  private Future<Reply> invite(RoutingContext ctx, SignedIn user) {
    Invitations sms = invitations.orElseThrow(() -> ApiException.conflict(NO_SMS));
    String id = ctx.pathParam("id");
    FileUpload upload = ctx.fileUploads().stream().filter(f -> f.name().equals(FIELD)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("Send the list of numbers as the multipart form field \"" + FIELD + "\"."));
    Path file = Path.of(upload.uploadedFileName());
    String address = ClientAddress.of(ctx.request());
    return blocking.run(() -> {
      // The survey's own 404 first, so that a typo in the address is not reported as a refused file.
      jdbi.useHandle(h -> StoredSurveys.latest(h, id));
      Invitations.Report report;
      try (BufferedReader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        skipByteOrderMark(csv);
        report = sms.invite(id, csv);
      } catch (Invitations.RefusedFile e) {
        throw ApiException.unprocessable("Nothing was queued: " + e.getMessage() + ".", List.of());
      } catch (IOException e) {
        throw new UncheckedIOException("the uploaded file could not be read back", e);
      }
      // Invitations commits in batches of its own, so the audit entry follows them rather than sharing one.
      jdbi.useHandle(h -> h.attach(AuditDao.class).record(new AuditEntry(clock.instant(), user.email(), AuditAction.INVITE,
          id, "queued " + report.invited() + ", skipped " + report.skipped().size()
              + (report.brokenAt() == null ? "" : ", file broken " + report.brokenAt()), address)));
      JsonArray skipped = new JsonArray();
      report.skipped().forEach(s -> skipped.add(new JsonObject().put("row", s.line()).put("reason", s.reason())));
      return Reply.ok(new JsonObject()
          .put("queued", report.invited())
          .put("skipped", skipped)
          .put("brokenAt", report.brokenAt()));
    });
  }

  /** Excel's "CSV UTF-8" starts with a byte-order mark, which would otherwise hide the {@code phone} header. */
  private static void skipByteOrderMark(BufferedReader csv) throws IOException {
    csv.mark(1);
    if (csv.read() != '\uFEFF') {
      csv.reset();
    }
  }
}
