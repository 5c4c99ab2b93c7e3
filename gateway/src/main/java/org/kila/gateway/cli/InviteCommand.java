package org.kila.gateway.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kila.gateway.config.ConfigException;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Database;
import org.kila.gateway.sms.FollowUpDefaults;
import org.kila.gateway.sms.Invitations;
import org.kila.gateway.sms.Outbox;
import org.kila.gateway.sms.SmsMetrics;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.gateway.survey.SurveyPublisher;
import org.kila.survey.render.ChannelProfile;

/**
 * {@code invite SURVEY_ID FILE.csv}: queues an SMS invitation to a launched survey for each number of a
 * CSV file, and prints what was skipped and why. The running gateway sends them (paced, after quiet hours).
 */
public final class InviteCommand {
  static final String HELP = """
      Usage: kila invite [--config FILE] SURVEY_ID FILE.csv

      Queues one SMS invitation to the launched survey SURVEY_ID for each row of FILE.csv. The file has a
      header row; its columns are 'phone' (required; numbers without a country code are read in
      KILA_DEFAULT_REGION), optionally 'language' (one of the survey's language codes) and any of the
      survey's profile keys (what you already know about the person, e.g. location_type: the survey then
      does not ask it). Rows with a number that is not one, a number that opted out or was already invited,
      or a value the survey does not know are skipped, each reported with its line and why. The running
      gateway sends the invitations at KILA_SMS_RATE_PER_SECOND, outside KILA_SMS_QUIET_HOURS. Inviting
      the same file again invites no one twice. Exit status: 0 when the file was read, 1 when it was refused.
      """;

  private InviteCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Optional<Path> configFile = Optional.empty();
    String surveyId = null;
    Path csv = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        out.print(HELP);
        return 0;
      } else if (a.equals("--config") && i + 1 < args.size()) {
        configFile = Optional.of(Path.of(args.get(++i)));
      } else if (surveyId == null && !a.startsWith("-")) {
        surveyId = a;
      } else if (csv == null && !a.startsWith("-")) {
        csv = Path.of(a);
      } else {
        err.println("invite: unexpected argument '" + a + "'");
        err.print(HELP);
        return 2;
      }
    }
    if (csv == null) {
      err.print(HELP);
      return 2;
    }
    KilaConfig config;
    try {
      config = ConfigLoader.load(System.getenv(), configFile);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (!config.sms().enabled()) {
      err.println("invite: SMS is not configured: set KILA_TWILIO_ACCOUNT_SID, KILA_TWILIO_AUTH_TOKEN and KILA_TWILIO_FROM,"
          + " or KILA_AT_USERNAME, KILA_AT_API_KEY and KILA_AT_SMS_SECRET");
      return 2;
    }
    try (Database db = Database.start(config); Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return invite(db, config, surveyId, reader, out, err);
    } catch (NoSuchFileException e) {
      err.println("invite: no file " + csv);
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("invite failed: " + ServeCommand.rootMessage(e));
      return 1;
    }
  }

  /** The command's work on an open database, for the command and for tests. */
  static int invite(Database db, KilaConfig config, String surveyId, Reader csv, PrintStream out, PrintStream err) {
    ChannelProfile ussdCheck = ChannelProfile.ussd(Math.min(config.ussd().africasTalkingLimit(), config.ussd().hubtelLimit()));
    SurveyCatalog catalog = new SurveyCatalog(SurveyPublisher.loader(db.jdbi()), ussdCheck);
    catalog.setLive(new SurveyPublisher(db.jdbi(), ussdCheck, Clock.systemUTC()).launched());
    Invitations invitations = new Invitations(db.jdbi(), catalog, PhoneVault.from(config),
        new Outbox(Clock.systemUTC(), new SmsMetrics(new SimpleMeterRegistry())),
        FollowUpDefaults.from(config.sms()), config.sms().defaultProvider().orElseThrow(),
        Clock.systemUTC());
    Invitations.Report report;
    try {
      report = invitations.invite(surveyId, csv);
    } catch (Invitations.RefusedFile e) {
      err.println("invite: " + e.getMessage() + "; nothing was queued");
      return 1;
    }
    out.println("Invited " + report.invited() + " to " + surveyId + "; skipped " + report.skipped().size() + ".");
    report.skipped().forEach(s -> out.println("  line " + s.line() + ": " + s.reason()));
    if (report.brokenAt() != null) {
      out.println("The file could not be read " + report.brokenAt() + "; the rows before were invited."
          + " Fix the file and run again: no one is invited twice.");
    }
    return 0;
  }
}
