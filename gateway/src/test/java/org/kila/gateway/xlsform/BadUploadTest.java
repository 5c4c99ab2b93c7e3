package org.kila.gateway.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kila.gateway.xlsform.XlsFormFixture.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Uploads that cannot be imported get one clear message, and the kind the API maps to 415 or 422. */
class BadUploadTest {

  private static XlsFormException refused(byte[] upload) {
    return assertThrows(XlsFormException.class, () -> XlsFormImporter.read(new ByteArrayInputStream(upload)));
  }

  private static XlsFormException refused(XlsFormFixture workbook) {
    return refused(workbook.bytes());
  }

  @Test
  void anOldBinaryXlsFileIsAskedToBeSavedAsXlsx() {
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    XlsFormException e = refused(xls);
    assertEquals("This is an old .xls file; save it as .xlsx (Excel 2007 or later) and try again.", e.getMessage());
    assertEquals(XlsFormException.Kind.NOT_XLSX, e.kind());
  }

  @Test
  void aFileThatIsNoSpreadsheetAtAll() {
    XlsFormException e = refused("type,name,label\ninteger,age,Age\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("This is not an .xlsx spreadsheet; upload an XLSForm saved as .xlsx (Excel 2007 or later).", e.getMessage());
    assertEquals(XlsFormException.Kind.NOT_XLSX, e.kind());
  }

  @Test
  void anEmptyUpload() {
    XlsFormException e = refused(new byte[0]);
    assertEquals("The file is empty; upload an XLSForm saved as .xlsx.", e.getMessage());
    assertEquals(XlsFormException.Kind.NOT_XLSX, e.kind());
  }

  @Test
  void aZipThatIsNotAWorkbook() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("notes.txt"));
      out.write("hello".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    XlsFormException e = refused(zip.toByteArray());
    assertEquals(XlsFormException.Kind.NOT_XLSX, e.kind());
    assertTrue(e.getMessage().startsWith("This file could not be read as an .xlsx spreadsheet ("), e.getMessage());
  }

  @Test
  void aTruncatedXlsx() {
    byte[] whole = new XlsFormFixture().sheet("survey", row("type", "name"), row("integer", "age")).bytes();
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    XlsFormException e = refused(half);
    assertEquals(XlsFormException.Kind.NOT_XLSX, e.kind());
    assertTrue(e.getMessage().startsWith("This file could not be read as an .xlsx spreadsheet ("), e.getMessage());
  }

  @Test
  void aWorkbookWithoutASurveySheetNamesTheSheetsItHas() {
    XlsFormException e = refused(new XlsFormFixture().sheet("Sheet1", row("a", "b")).sheet("Budget", row("x")));
    assertEquals("There is no \"survey\" sheet (the sheets are: Sheet1, Budget). An XLSForm has a survey sheet with"
        + " type, name and label columns.", e.getMessage());
    assertEquals(XlsFormException.Kind.NOT_AN_XLSFORM, e.kind());
  }

  @Test
  void anEmptySurveySheet() {
    XlsFormException e = refused(new XlsFormFixture().sheet("survey"));
    assertEquals("The survey sheet is empty: its first row should name the columns type, name and label.", e.getMessage());
    assertEquals(XlsFormException.Kind.NOT_AN_XLSFORM, e.kind());
  }

  @Test
  void aSurveySheetWithAHeaderButNoRows() {
    XlsFormException e = refused(new XlsFormFixture().sheet("survey", row("type", "name", "label")));
    assertEquals("The survey sheet has a header row but no questions under it.", e.getMessage());
  }

  @Test
  void aMissingTypeColumn() {
    XlsFormException e = refused(new XlsFormFixture().sheet("survey", row("kind", "name", "label"), row("integer", "age", "Age")));
    assertEquals("The survey sheet has no \"type\" column in its first row (it has: kind, name, label).", e.getMessage());
    assertEquals(XlsFormException.Kind.NOT_AN_XLSFORM, e.kind());
  }

  @Test
  void aMissingNameColumn() {
    XlsFormException e = refused(new XlsFormFixture().sheet("survey", row("type", "label"), row("integer", "Age")));
    assertEquals("The survey sheet has no \"name\" column in its first row (it has: type, label).", e.getMessage());
  }

  @Test
  void aChoicesSheetWithoutListName() {
    XlsFormException e = refused(new XlsFormFixture()
        .sheet("survey", row("type", "name", "label"), row("select_one g", "gender", "Gender"))
        .sheet("choices", row("list", "name", "label"), row("g", "f", "Female")));
    assertEquals("The choices sheet has no \"list_name\" column in its first row (it has: list, name, label).",
        e.getMessage());
    assertEquals(XlsFormException.Kind.NOT_AN_XLSFORM, e.kind());
  }
}
