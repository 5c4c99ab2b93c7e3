package org.kila.gateway.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.db.Database;
import org.kila.gateway.export.ResponsesCsv;
import org.kila.gateway.store.ExportDao;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/** {@code export [--version N] SURVEY_ID}: a survey's responses as CSV on standard output, streamed. */
public final class ExportCommand {
  static final String HELP = """
      Usage: kila export [--config FILE] [--version N] SURVEY_ID

      Writes one CSV row per session of the survey (completed, partial, screened out, with its status) to
      standard output: one column per question (choice values), one per stratifier, the respondent's
      pseudonymous id, start and end times, channel. No phone numbers. Uses the same configuration as
      'serve' (KILA_DB_URL, or the embedded database in KILA_DATA_DIR).

      Without --version: the sessions of every version, in the columns of the newest version (an answer
      to a question only an older version asked is left out). With --version N: only the sessions of
      version N, in its own columns, as the admin page's "Show results of" picker downloads them.
      """;
  static final String VERSION = "--version";

  private ExportCommand() {}

  /**
   * What the arguments ask for: a survey and a version (0 for every version), or, when {@code exit} is 0
   * or more, nothing more to do (the help was printed, or why the arguments are wrong).
   */
  record Request(ConfiguredCommand command, String surveyId, int version, int exit) {
    static Request done(int exit) {
      return new Request(null, null, 0, exit);
    }
  }

  static Request parse(List<String> args, PrintStream out, PrintStream err) {
    ConfiguredCommand command = ConfiguredCommand.parse(args, Set.of(VERSION));
    if (command.help()) {
      out.print(HELP);
      return Request.done(0);
    }
    if (command.unknownOption() != null || command.positional().size() != 1) {
      err.print(HELP);
      return Request.done(2);
    }
    int version = 0;
    if (command.options().containsKey(VERSION)) {
      String text = command.options().get(VERSION);
      version = text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : 0;
      if (version < 1) {
        err.println("export: --version takes a version number from 1, not '" + text + "'");
        return Request.done(2);
      }
    }
    return new Request(command, command.positional().get(0), version, -1);
  }

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Request request = parse(args, out, err);
    if (request.exit() >= 0) {
      return request.exit();
    }
    Optional<KilaConfig> config = request.command().load(err);
    if (config.isEmpty()) {
      return 2;
    }
    try (Database db = Database.start(config.get())) {
      return export(db, request.surveyId(), request.version(), out, err);
    } catch (RuntimeException e) {
      err.println("export failed: " + ServeCommand.rootMessage(e));
      return 1;
    }
  }

  /** {@code version} 0: every version's sessions, in the newest version's columns. */
  static int export(Database db, String surveyId, int version, PrintStream out, PrintStream err) {
    List<SurveyVersionRow> versions = db.jdbi().withExtension(SurveyDao.class, dao -> dao.versions(surveyId));
    if (versions.isEmpty()) {
      err.println("export: no survey '" + surveyId + "'");
      return 1;
    }
    // Columns follow the version asked for, else the newest; answers to questions the newest dropped are
    // in the older versions' own exports.
    Optional<SurveyVersionRow> columns = version == 0 ? Optional.of(versions.get(versions.size() - 1))
        : versions.stream().filter(v -> v.version() == version).findFirst();
    if (columns.isEmpty()) {
      err.println("export: survey '" + surveyId + "' has no version " + version + " (it has "
          + versions.stream().map(v -> Integer.toString(v.version())).collect(Collectors.joining(", ")) + ")");
      return 1;
    }
    Surveys.Loaded loaded = Surveys.load(columns.get().definition(), ChannelProfile.ussd(ChannelProfile.USSD_HARD_LIMIT));
    if (!loaded.ok()) {
      err.println("export: stored survey does not validate: " + loaded.problems());
      return 1;
    }
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try (ResponsesCsv csv = new ResponsesCsv(writer, loaded.survey().definition())) {
      db.jdbi().useExtension(ExportDao.class, dao -> dao.forEachSession(surveyId, version, csv::write));
    }
    return 0;
  }
}
