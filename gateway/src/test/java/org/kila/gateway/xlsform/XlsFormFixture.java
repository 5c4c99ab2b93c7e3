package org.kila.gateway.xlsform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a real .xlsx workbook for a test, sheet by sheet, so the import is tested on the bytes a
 * spreadsheet program saves and no binary fixture lives in the repository. Row 1 of each sheet is the
 * first array given; an empty array leaves a blank row; a null cell is left empty.
 */
final class XlsFormFixture {
  private final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();

  XlsFormFixture sheet(String name, Object[]... rows) {
    sheets.put(name, List.of(rows));
    return this;
  }

  static Object[] row(Object... cells) {
    return cells;
  }

  InputStream stream() {
    return new ByteArrayInputStream(bytes());
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(out, "Kila tests", "1.0")) {
      for (Map.Entry<String, List<Object[]>> sheet : sheets.entrySet()) {
        Worksheet ws = workbook.newWorksheet(sheet.getKey());
        List<Object[]> rows = sheet.getValue();
        for (int r = 0; r < rows.size(); r++) {
          Object[] cells = rows.get(r);
          for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof String s) {
              ws.value(r, c, s);
            } else if (v instanceof Number n) {
              ws.value(r, c, n);
            } else if (v instanceof Boolean b) {
              ws.value(r, c, b);
            }
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
