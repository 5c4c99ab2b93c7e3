package org.kila.gateway.cli;

import java.io.PrintStream;
import java.util.List;
import org.kila.gateway.db.Database;

/** Lets end-to-end tests run the export command's body against a running gateway's database. */
public final class ExportCommandAccess {
  private ExportCommandAccess() {}

  public static int export(Database db, String surveyId, PrintStream out, PrintStream err) {
    return ExportCommand.export(db, surveyId, 0, out, err);
  }

  /** {@code kila export --version N}, from parsing the arguments on, against {@code db}. */
  public static int export(Database db, List<String> args, PrintStream out, PrintStream err) {
    ExportCommand.Request request = ExportCommand.parse(args, out, err);
    return request.exit() >= 0 ? request.exit() : ExportCommand.export(db, request.surveyId(), request.version(), out, err);
  }
}
