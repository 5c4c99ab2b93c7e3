package org.kila.gateway.xlsform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sheet of the workbook as text: its header row as {@link Column}s and its non-blank rows below, each
 * with the row number the spreadsheet shows. Cells are trimmed strings, never null.
 */
record SheetTable(String name, List<Column> columns, List<Row> rows) {
  SheetTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** A data row: its number in the spreadsheet and its cells by column index. */
  record Row(int number, List<String> cells) {
    Row {
      cells = List.copyOf(cells);
    }

    String cell(Column column) {
      return column.index() < cells.size() ? cells.get(column.index()) : "";
    }
  }

  /** The untranslated column with this base name (the first, if the header repeats it). */
  Optional<Column> column(String base) {
    return columns.stream().filter(c -> c.base().equals(base) && !c.translated()).findFirst();
  }

  /** Every column with this base name, untranslated and per language. */
  List<Column> columns(String base) {
    return columns.stream().filter(c -> c.base().equals(base)).toList();
  }

  boolean has(String base) {
    return column(base).isPresent();
  }

  /** The row's text in the untranslated column {@code base}; empty when there is no such column. */
  String text(Row row, String base) {
    return column(base).map(row::cell).orElse("");
  }

  /** Headers other than {@code used} that have a value in at least one row, to say they were ignored. */
  List<String> unusedColumnsWithValues(List<String> used) {
    List<String> unused = new ArrayList<>();
    for (Column c : columns) {
      if (!used.contains(c.base()) && !c.header().isEmpty()
          && rows.stream().anyMatch(r -> !r.cell(c).isEmpty())) {
        unused.add(c.header());
      }
    }
    return unused;
  }
}
