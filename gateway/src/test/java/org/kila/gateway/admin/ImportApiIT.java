package org.kila.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.admin.auth.Role;

/** Uploading an XLSForm spreadsheet for the editor: converted, checked, nothing saved. */
class ImportApiIT {
  @RegisterExtension
  static final RunningGateway gateway = new RunningGateway();

  @Test
  void anXlsFormBecomesADefinitionWithItsProblemsAndSkippedRows() throws IOException {
    byte[] xlsx = workbook(List.<String[]>of(
        new String[] {"type", "name", "label::English (en)", "label::Kiswahili (sw)", "constraint"},
        new String[] {"select_one yn", "attended", "Did you attend?", "Ulihudhuria?", ""},
        new String[] {"integer", "age", "How old are you?", "Una miaka mingapi?", ". >= 18 and . <= 35"},
        new String[] {"geopoint", "where", "Where are you?", "Uko wapi?", ""}), List.of(
        new String[] {"list_name", "name", "label::English (en)", "label::Kiswahili (sw)"},
        new String[] {"yn", "yes", "Yes", "Ndiyo"},
        new String[] {"yn", "no", "No", "Hapana"}));
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).upload("/api/surveys/import/xlsform", "file", "form.xlsx", xlsx);
    assertEquals(200, answer.status(), answer.body());
    JsonObject json = answer.json();
    JsonObject definition = json.getJsonObject("definition");
    assertEquals(List.of("attended", "age"), definition.getJsonArray("questions").stream()
        .map(q -> ((JsonObject) q).getString("id")).toList());
    assertEquals("Una miaka mingapi?", definition.getJsonArray("questions").getJsonObject(1).getJsonObject("text").getString("sw"));
    JsonObject skipped = json.getJsonArray("skipped").getJsonObject(0);
    assertEquals("survey", skipped.getString("sheet"));
    assertEquals(4, skipped.getInteger("row"));
    assertTrue(skipped.getString("reason").contains("geopoint"), skipped.encode());
    assertTrue(json.getJsonArray("notes").contains("No USSD code or SMS keyword yet: add the survey's triggers before launching it."));
    assertTrue(json.containsKey("problems") && json.containsKey("warnings"), json.encode());
    assertEquals(404, gateway.admin().get("/api/surveys/" + definition.getString("id")).status(), "nothing is saved");
    try (Stream<Path> files = Files.list(gateway.dataDir().resolve("uploads"))) {
      assertEquals(0, files.count(), "the uploaded file is deleted once answered");
    }
  }

  @Test
  void anOldXlsFileGets415AndASpreadsheetThatIsNoXlsForm422() throws IOException {
    ApiClient designer = gateway.as(Role.DESIGNER);
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    ApiClient.Answer old = designer.upload("/api/surveys/import/xlsform", "file", "form.xls", xls);
    assertEquals(415, old.status());
    assertEquals(new JsonObject().put("error", "This is an old .xls file; save it as .xlsx (Excel 2007 or later) and try again."),
        old.json());
    ApiClient.Answer csv = designer.upload("/api/surveys/import/xlsform", "file", "form.csv",
        "type,name,label\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(415, csv.status());
    ApiClient.Answer noSurvey = designer.upload("/api/surveys/import/xlsform", "file", "other.xlsx",
        workbook("notes", List.<String[]>of(new String[] {"a", "b"}), List.of()));
    assertEquals(422, noSurvey.status());
    assertTrue(noSurvey.error().startsWith("There is no \"survey\" sheet"), noSurvey.error());
  }

  @Test
  void theFileMustComeAsTheFieldFile() throws IOException {
    ApiClient.Answer answer = gateway.as(Role.DESIGNER).upload("/api/surveys/import/xlsform", "spreadsheet", "form.xlsx",
        workbook(List.<String[]>of(new String[] {"type", "name", "label"}), List.of()));
    assertEquals(400, answer.status());
    assertEquals("Send the spreadsheet as the multipart form field \"file\".", answer.error());
  }

  @Test
  void importingIsForDesignersWithTheirCsrfToken() throws IOException {
    byte[] xlsx = workbook(List.<String[]>of(new String[] {"type", "name", "label"}, new String[] {"text", "town", "Town?"}), List.of());
    assertEquals(403, gateway.as(Role.VIEWER).upload("/api/surveys/import/xlsform", "file", "form.xlsx", xlsx).status());
    ApiClient designer = gateway.as(Role.DESIGNER);
    designer.forgetCsrfToken();
    ApiClient.Answer answer = designer.upload("/api/surveys/import/xlsform", "file", "form.xlsx", xlsx);
    assertEquals(403, answer.status());
    assertEquals("Missing or wrong CSRF token.", answer.error());
    assertEquals(401, gateway.client().upload("/api/surveys/import/xlsform", "file", "form.xlsx", xlsx).status());
  }

  /** A real .xlsx with a survey sheet and, when given, a choices sheet. */
  private static byte[] workbook(List<String[]> survey, List<String[]> choices) throws IOException {
    return workbook("survey", survey, choices);
  }

  private static byte[] workbook(String firstSheet, List<String[]> rows, List<String[]> choices) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(out, "Kila tests", "1.0")) {
      write(workbook.newWorksheet(firstSheet), rows);
      if (!choices.isEmpty()) {
        write(workbook.newWorksheet("choices"), choices);
      }
      workbook.finish();
    }
    return out.toByteArray();
  }

  private static void write(Worksheet sheet, List<String[]> rows) {
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).length; c++) {
        if (!rows.get(r)[c].isEmpty()) {
          sheet.value(r, c, rows.get(r)[c]);
        }
      }
    }
  }
}
