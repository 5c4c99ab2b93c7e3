package org.kila.gateway.admin;

import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.admin.auth.AdminSessions;
import org.kila.gateway.admin.auth.FirstRun;
import org.kila.gateway.admin.auth.SessionRoutes;
import org.kila.gateway.admin.auth.SetupRoutes;
import org.kila.gateway.admin.auth.SignIn;
import org.kila.gateway.admin.exports.ExportRoutes;
import org.kila.gateway.admin.reports.ReportRoutes;
import org.kila.gateway.admin.reports.SessionEventFigures;
import org.kila.gateway.admin.reports.SmsDeliveryFigures;
import org.kila.gateway.admin.surveys.ImportRoutes;
import org.kila.gateway.admin.surveys.InvitationRoutes;
import org.kila.gateway.admin.surveys.LaunchRoutes;
import org.kila.gateway.admin.surveys.SimulatorRoutes;
import org.kila.gateway.admin.surveys.SurveyDesignRoutes;
import org.kila.gateway.admin.surveys.SurveyReadRoutes;
import org.kila.gateway.admin.users.AuditRoutes;
import org.kila.gateway.admin.users.UserRoutes;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.sms.Invitations;
import org.kila.gateway.survey.CatalogReload;
import org.kila.survey.render.ChannelProfile;

/**
 * The admin JSON API under {@code /api/}, as {@code admin-ui/API.md} describes it: sign-in and sessions,
 * first-run setup, surveys (and their import from XLSForm) and their launch, invitations by SMS, the phone
 * simulator, tallies and participation, exports, accounts and the audit log. Built once per gateway at start; {@link #mount} adds its routes.
 */
public final class AdminApi {
  private final KilaConfig.Admin settings;
  private final AdminSessions sessions;
  private final SessionRoutes sessionRoutes;
  private final SetupRoutes setupRoutes;
  private final SurveyReadRoutes surveyReads;
  private final SurveyDesignRoutes surveyDesign;
  private final LaunchRoutes launches;
  private final SimulatorRoutes simulator;
  private final ImportRoutes imports;
  private final InvitationRoutes invitations;
  private final ReportRoutes reports;
  private final ExportRoutes exports;
  private final UserRoutes users;
  private final AuditRoutes audit;
  private final Optional<String> setupLink;
  private final Path uploads;

  private AdminApi(KilaConfig config, Jdbi jdbi, Blocking blocking, CatalogReload reload, ChannelProfile ussd,
      Optional<Invitations> invitations, Clock clock, Optional<String> setupLink) {
    this.settings = config.admin();
    this.setupLink = setupLink;
    this.uploads = config.dataDir().resolve("uploads");
    this.sessions = new AdminSessions(jdbi, blocking, settings.idleTimeout(), settings.sessionLimit(),
        config.http().publicUrl().startsWith("https:"), clock);
    this.sessionRoutes = new SessionRoutes(sessions,
        new SignIn(jdbi, blocking, sessions, settings.signInAttempts(), settings.signInWindow(), clock));
    this.setupRoutes = new SetupRoutes(jdbi, blocking, clock);
    this.surveyReads = new SurveyReadRoutes(jdbi, blocking, settings.suppressionThreshold());
    this.surveyDesign = new SurveyDesignRoutes(jdbi, blocking, ussd, clock);
    this.launches = new LaunchRoutes(jdbi, blocking, reload, ussd, clock);
    this.simulator = new SimulatorRoutes(blocking, ussd, clock);
    this.imports = new ImportRoutes(blocking, ussd);
    this.invitations = new InvitationRoutes(jdbi, blocking, invitations, clock);
    this.reports = new ReportRoutes(jdbi, blocking, settings.suppressionThreshold(),
        List.of(new SessionEventFigures(), new SmsDeliveryFigures()));
    this.exports = new ExportRoutes(jdbi, blocking, reports, settings.suppressionThreshold(), clock);
    this.users = new UserRoutes(jdbi, blocking, clock);
    this.audit = new AuditRoutes(jdbi, blocking);
  }

  /**
   * Blocking: creates the first admin or the setup link when no account exists ({@link FirstRun}), then
   * builds the API. {@code ussd}: the screen budget definitions are validated against; {@code invitations}:
   * empty when SMS is not configured.
   */
  public static AdminApi start(KilaConfig config, Jdbi jdbi, Blocking blocking, CatalogReload reload,
      ChannelProfile ussd, Optional<Invitations> invitations, Clock clock) {
    return new AdminApi(config, jdbi, blocking, reload, ussd, invitations, clock, FirstRun.prepare(jdbi, config, clock));
  }

  public void mount(Router router) {
    ApiRouter api = new ApiRouter(router, sessions, settings.maxBodyBytes(), uploads);
    sessionRoutes.mount(api);
    setupRoutes.mount(api);
    imports.mount(api);
    invitations.mount(api);
    surveyDesign.mount(api);
    surveyReads.mount(api);
    launches.mount(api);
    simulator.mount(api);
    reports.mount(api);
    exports.mount(api);
    users.mount(api);
    audit.mount(api);
    api.finish();
  }

  /** The one-time link to create the first admin, when none existed at start: for the serve command to print. */
  public Optional<String> setupLink() {
    return setupLink;
  }
}
