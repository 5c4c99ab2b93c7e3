package org.kila.gateway.xlsform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an uploaded .xlsx file into {@link SheetTable}s, one per sheet, found by name in any case. It
 * looks at the first bytes before parsing, so an old binary .xls file or something that is no spreadsheet
 * at all gets a message saying what to do rather than a parser's stack trace.
 */
final class XlsxWorkbook {
  /** An XLSForm is a few hundred rows; far past that the upload is a mistake, not a form. */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private final Map<String, SheetTable> sheets;

  private XlsxWorkbook(Map<String, SheetTable> sheets) {
    this.sheets = sheets;
  }

  static XlsxWorkbook read(InputStream in) throws XlsFormException {
    byte[] bytes = bytes(in);
    if (bytes.length == 0) {
      throw notXlsx("The file is empty; upload an XLSForm saved as .xlsx.");
    }
    if (startsWith(bytes, OLE2)) {
      throw notXlsx("This is an old .xls file; save it as .xlsx (Excel 2007 or later) and try again.");
    }
    if (!startsWith(bytes, ZIP)) {
      throw notXlsx("This is not an .xlsx spreadsheet; upload an XLSForm saved as .xlsx (Excel 2007 or later).");
    }
    Map<String, SheetTable> sheets = new LinkedHashMap<>();
    // The parser meets arbitrary bytes here: any failure of it means "not a readable .xlsx", never a crash.
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        sheets.putIfAbsent(key(sheet.getName()), table(sheet));
      }
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw notXlsx("This file could not be read as an .xlsx spreadsheet (" + why
          + "); open it in a spreadsheet program, save it as .xlsx and try again.");
    }
    return new XlsxWorkbook(sheets);
  }

  Optional<SheetTable> sheet(String name) {
    return Optional.ofNullable(sheets.get(key(name)));
  }

  List<String> sheetNames() {
    return sheets.values().stream().map(SheetTable::name).toList();
  }

  private static SheetTable table(Sheet sheet) throws IOException {
    List<Column> columns = null;
    List<SheetTable.Row> rows = new ArrayList<>();
    for (Row row : sheet.read()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.getCellCount(); i++) {
        cells.add(text(row.getCell(i)));
      }
      if (cells.stream().allMatch(String::isEmpty)) {
        continue;
      }
      if (columns == null) {
        columns = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
          columns.add(Column.parse(i, cells.get(i)));
        }
      } else {
        rows.add(new SheetTable.Row(row.getRowNum(), cells));
      }
    }
    return new SheetTable(sheet.getName(), columns == null ? List.of() : columns, rows);
  }

  /** A cell as the designer sees it: numbers without a trailing ".0", booleans as true/false. */
  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    BigDecimal number = cell.getType() == CellType.NUMBER ? cell.asNumber() : null;
    String text = switch (cell.getType()) {
      case NUMBER -> number == null ? "" : number.stripTrailingZeros().toPlainString();
      case BOOLEAN -> String.valueOf(cell.asBoolean());
      case STRING -> cell.asString();
      case FORMULA -> cell.getRawValue(); // the value the spreadsheet program cached when it saved
      default -> "";
    };
    return text == null ? "" : text.strip();
  }

  private static byte[] bytes(InputStream in) throws XlsFormException {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new XlsFormException(XlsFormException.Kind.NOT_AN_XLSFORM,
            "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB, far more than an XLSForm needs.");
      }
      return bytes;
    } catch (IOException e) {
      throw notXlsx("The upload could not be read: " + e.getMessage());
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static String key(String sheetName) {
    return sheetName.strip().toLowerCase(Locale.ROOT);
  }

  private static XlsFormException notXlsx(String message) {
    return new XlsFormException(XlsFormException.Kind.NOT_XLSX, message);
  }
}
