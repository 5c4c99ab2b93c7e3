package org.kila.gateway.cli;

import java.io.PrintStream;
import org.kila.gateway.db.Database;

/** Lets end-to-end tests run the export command's body against a running gateway's database. */
public final class ExportCommandAccess {
  private ExportCommandAccess() {}

  public static int export(Database db, String surveyId, PrintStream out, PrintStream err) {
    return ExportCommand.export(db, surveyId, out, err);
  }
}
