package org.kila.gateway.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.db.Database;
import org.kila.gateway.export.ResponsesCsv;
import org.kila.gateway.store.ExportDao;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;

/** {@code export SURVEY_ID}: a survey's responses as CSV on standard output, streamed. */
public final class ExportCommand {
  static final String HELP = """
      Usage: kila export [--config FILE] SURVEY_ID

      Writes one CSV row per session of the survey (completed, partial, screened out, with its status) to
      standard output: one column per question (choice values), one per stratifier, the respondent's
      pseudonymous id, start and end times, channel. No phone numbers. Uses the same configuration as
      'serve' (KILA_DB_URL, or the embedded database in KILA_DATA_DIR).
      """;

  private ExportCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    ConfiguredCommand command = ConfiguredCommand.parse(args);
    if (command.help()) {
      out.print(HELP);
      return 0;
    }
    if (command.unknownOption() != null || command.positional().size() != 1) {
      err.print(HELP);
      return 2;
    }
    String surveyId = command.positional().get(0);
    Optional<KilaConfig> config = command.load(err);
    if (config.isEmpty()) {
      return 2;
    }
    try (Database db = Database.start(config.get())) {
      return export(db, surveyId, out, err);
    } catch (RuntimeException e) {
      err.println("export failed: " + ServeCommand.rootMessage(e));
      return 1;
    }
  }

  static int export(Database db, String surveyId, PrintStream out, PrintStream err) {
    List<SurveyVersionRow> versions = db.jdbi().withExtension(SurveyDao.class, dao -> dao.versions(surveyId));
    if (versions.isEmpty()) {
      err.println("export: no survey '" + surveyId + "'");
      return 1;
    }
    // Columns follow the newest version; answers to questions it dropped stay in older versions' exports.
    SurveyVersionRow latest = versions.get(versions.size() - 1);
    Surveys.Loaded loaded = Surveys.load(latest.definition(), ChannelProfile.ussd(ChannelProfile.USSD_HARD_LIMIT));
    if (!loaded.ok()) {
      err.println("export: stored survey does not validate: " + loaded.problems());
      return 1;
    }
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try (ResponsesCsv csv = new ResponsesCsv(writer, loaded.survey().definition())) {
      db.jdbi().useExtension(ExportDao.class, dao -> dao.forEachSession(surveyId, csv::write));
    }
    return 0;
  }
}
