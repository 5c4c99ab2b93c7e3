package org.kila.gateway.admin.surveys;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.Problems;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.xlsform.XlsFormException;
import org.kila.gateway.xlsform.XlsFormImport;
import org.kila.gateway.xlsform.XlsFormImporter;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/**
 * {@code POST /api/surveys/import/xlsform} (designers and admins): an XLSForm spreadsheet, uploaded as the
 * multipart field {@code file}, converted into a definition for the editor, with what the validator says
 * of it and every row the import could not carry over. Nothing is saved: the designer saves from the
 * editor. A file that is not an .xlsx gets 415, a spreadsheet that is not an XLSForm 422.
 */
public final class ImportRoutes {
  static final String FIELD = "file";

  private final Blocking blocking;
  private final ChannelProfile ussd;

  public ImportRoutes(Blocking blocking, ChannelProfile ussd) {
    this.blocking = blocking;
    this.ussd = ussd;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.POST, "/api/surveys/import/xlsform", Role.DESIGNER, this::importForm);
  }

  private Future<Reply> importForm(RoutingContext ctx, SignedIn user) {
    FileUpload upload = ctx.fileUploads().stream().filter(f -> f.name().equals(FIELD)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("Send the spreadsheet as the multipart form field \"" + FIELD + "\"."));
    Path file = Path.of(upload.uploadedFileName());
    return blocking.run(() -> {
      XlsFormImport imported;
      try (InputStream in = Files.newInputStream(file)) {
        imported = XlsFormImporter.read(in);
      } catch (XlsFormException e) {
        throw new ApiException(e.kind() == XlsFormException.Kind.NOT_XLSX ? 415 : 422, e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException("the uploaded file could not be read back", e);
      }
      String json = XlsFormImporter.toJson(imported);
      Surveys.Loaded checked = Surveys.load(json, ussd);
      JsonArray skipped = new JsonArray();
      imported.skipped().forEach(s -> skipped.add(new JsonObject().put("sheet", s.sheet()).put("row", s.row())
          .put("reason", s.reason())));
      return Reply.ok(new JsonObject()
          .put("definition", new JsonObject(json))
          .put("problems", Problems.json(checked.problems()))
          .put("warnings", Problems.json(checked.warnings()))
          .put("skipped", skipped)
          .put("notes", new JsonArray(imported.notes())));
    });
  }
}
