package org.kila.gateway.xlsform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of importing an XLSForm: a Kila survey definition in its JSON form (not yet validated: the
 * designer opens it in the editor, where the validator speaks), the rows that were not converted or only
 * in part, and notes on choices the import made for the whole form (language codes, defaults, ignored
 * columns).
 */
public record XlsFormImport(ObjectNode definition, List<Skipped> skipped, List<String> notes) {
  public XlsFormImport {
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /** The skipped rows, then the notes, one line each, as the command line prints them beside the JSON. */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    skipped.forEach(s -> lines.add(s.sheet() + " row " + s.row() + ": " + s.reason()));
    notes.forEach(n -> lines.add("note: " + n));
    return lines;
  }
}
