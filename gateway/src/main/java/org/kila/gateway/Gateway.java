package org.kila.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kila.gateway.admin.AdminApi;
import org.kila.gateway.channel.africastalking.AfricasTalkingUssd;
import org.kila.gateway.channel.africastalking.AfricasTalkingUssdEvents;
import org.kila.gateway.channel.hubtel.HubtelUssd;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.db.Database;
import org.kila.gateway.http.HealthRoutes;
import org.kila.gateway.http.HttpVerticle;
import org.kila.gateway.http.SmsRoutes;
import org.kila.gateway.http.UssdRoutes;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.session.SessionService;
import org.kila.gateway.survey.CatalogReload;
import org.kila.gateway.session.SmsConversations;
import org.kila.gateway.sms.Invitations;
import org.kila.gateway.sms.SmsChannel;
import org.kila.gateway.sms.SmsMetrics;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.gateway.survey.SurveyPublisher;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;

/**
 * A running Kila instance: database, surveys, Vert.x and the HTTP server, started in that order and
 * stopped in reverse. Used by {@code serve} and by the end-to-end tests.
 */
public final class Gateway implements AutoCloseable {
  /**
   * Hops let in per database connection before more are turned away. The database sometimes stops for a
   * moment (a slow WAL flush, a checkpoint, a vacuum): in the 10-minute soak at 1,000 hops/s such stalls
   * lasted 80-530 ms, and with 16 per connection (128 in all) every one of them turned a hundred
   * respondents away, who lose their place in the survey and must dial again. 64 per connection (512
   * for the default pool) holds half a second of arrivals at that rate, so a stall only slows those hops
   * down; under real overload an accepted hop then waits a few tenths of a second at most, still far below
   * the aggregator's 10-15 s, and the excess is turned away as fast as before. Measured in
   * ops/bench/RESULTS.md.
   */
  static final int HOPS_IN_FLIGHT_PER_CONNECTION = 64;
  private final KilaConfig config;
  private final Database database;
  private final Vertx vertx;
  private final HttpVerticle http;
  private final String httpDeployment;
  private final SurveyCatalog catalog;
  private final Optional<String> setupLink;

  private Gateway(KilaConfig config, Database database, Vertx vertx, HttpVerticle http, String httpDeployment,
      SurveyCatalog catalog, Optional<String> setupLink) {
    this.httpDeployment = httpDeployment;
    this.config = config;
    this.database = database;
    this.vertx = vertx;
    this.http = http;
    this.catalog = catalog;
    this.setupLink = setupLink;
  }

  /** Starts everything and returns once the HTTP server listens; any failure stops what had started. */
  public static Gateway start(KilaConfig config) throws Exception {
    Database database = Database.start(config);
    Vertx vertx = null;
    try {
      ChannelProfile ussdCheck = ChannelProfile.ussd(Math.min(config.ussd().africasTalkingLimit(), config.ussd().hubtelLimit()));
      SurveyCatalog catalog = new SurveyCatalog(SurveyPublisher.loader(database.jdbi()), ussdCheck);
      List<CompiledSurvey> live = new SurveyPublisher(database.jdbi(), ussdCheck, Clock.systemUTC()).publish(config.surveysDir());
      catalog.setLive(live);

      KilaMetrics metrics = new KilaMetrics();
      database.bindMetrics(metrics.registry());
      vertx = Vertx.builder()
          .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
          .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
          .build();
      Blocking blocking = new Blocking(vertx, config.db().poolSize());
      CatalogReload reload = new CatalogReload(database.jdbi(), catalog);
      reload.run();
      reload.every(vertx, blocking);
      Optional<SmsChannel> sms = SmsChannel.of(config, database.jdbi(), new SmsMetrics(metrics.registry()), Clock.systemUTC());
      Optional<Invitations> invitations = sms.map(channel -> new Invitations(database.jdbi(), catalog, PhoneVault.from(config),
          channel.outbox(), channel.followUpDefaults(), config.sms().defaultProvider().orElseThrow(), Clock.systemUTC()));
      AdminApi admin = AdminApi.start(config, database.jdbi(), blocking, reload, ussdCheck, invitations, Clock.systemUTC());
      SessionService sessions = new SessionService(database.jdbi(), database.dataSource(), database.availability(),
          blocking, catalog,
          PhoneVault.from(config), metrics,
          Map.of("africastalking", profile(config, "africastalking"), "hubtel", profile(config, "hubtel")),
          config.resumeWindow(), Clock.systemUTC());
      UssdRoutes ussd = new UssdRoutes(sessions, metrics, config.maxBodyBytes(), config.hopTimeout(),
          HOPS_IN_FLIGHT_PER_CONNECTION * config.db().poolSize());
      HealthRoutes health = new HealthRoutes(database, blocking, metrics);
      Optional<SmsRoutes> smsRoutes = sms.map(channel -> new SmsRoutes(new SmsConversations(database.jdbi(), blocking,
          catalog, PhoneVault.from(config), channel.outbox(), metrics, channel.metrics(), config.sms().conversationExpiry(),
          config.resumeWindow(), channel.followUpDefaults(), Clock.systemUTC()), channel, blocking, metrics, config.hopTimeout()));
      HttpVerticle http = new HttpVerticle(config.http().host(), config.http().port(), metrics, config.hopTimeout(), router -> {
        mountUssd(router, ussd, config.maxBodyBytes());
        smsRoutes.ifPresent(routes -> routes.mount(router));
        health.mount(router);
        admin.mount(router);
      });
      String httpDeployment = await(vertx.deployVerticle(http));
      if (sms.isPresent()) {
        await(sms.get().start(vertx, database.jdbi(), blocking, PhoneVault.from(config), catalog, config.resumeWindow(),
            Clock.systemUTC()));
      }
      return new Gateway(config, database, vertx, http, httpDeployment, catalog, admin.setupLink());
    } catch (Exception | Error e) {
      if (vertx != null) {
        vertx.close();
      }
      database.close();
      throw e;
    }
  }

  private static void mountUssd(Router router, UssdRoutes ussd, int maxBodyBytes) {
    ussd.mountHops(router, "/ussd/africastalking", new AfricasTalkingUssd(maxBodyBytes));
    ussd.mountEnds(router, "/ussd/africastalking/events", new AfricasTalkingUssdEvents(maxBodyBytes));
    ussd.mountHops(router, "/ussd/hubtel", new HubtelUssd(maxBodyBytes));
  }

  private static ChannelProfile profile(KilaConfig config, String aggregator) {
    int limit = config.ussd().limitFor(aggregator);
    return new ChannelProfile(ChannelProfile.Channel.USSD, limit, Math.min(limit, config.ussd().ucs2Limit()));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get();
  }

  public int port() {
    return http.actualPort();
  }

  /** The admin page's URL as a person on this machine would open it. */
  public String adminUrl() {
    String host = config.http().host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "localhost";
    }
    return "http://" + host + ":" + port() + "/admin/";
  }

  /** The one-time link that creates the first admin, when no account existed at start. */
  public Optional<String> setupLink() {
    return setupLink;
  }

  public SurveyCatalog catalog() {
    return catalog;
  }

  public Database database() {
    return database;
  }

  /**
   * Stops in the order that loses nothing: the HTTP server first (no new requests; those in flight are
   * answered, for up to the hop timeout), then the senders and the database workers, then the database.
   * Closing everything at once let hops that arrived meanwhile find the workers gone and get a 500.
   */
  @Override
  public void close() throws Exception {
    try {
      try {
        await(vertx.undeploy(httpDeployment));
      } finally {
        await(vertx.close());
      }
    } finally {
      database.close();
    }
  }
}
