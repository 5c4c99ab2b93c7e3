package org.kila.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.channel.OptOutType;
import org.kila.gateway.channel.SmsInbound;
import org.kila.gateway.config.PhoneKeys;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.metrics.KilaMetrics;
import org.kila.gateway.sms.FollowUpDefaults;
import org.kila.gateway.sms.Outbox;
import org.kila.gateway.sms.SmsMetrics;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyStatus;
import org.kila.gateway.survey.CatalogReload;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.gateway.survey.SurveyPublisher;
import org.kila.gateway.testing.LaunchedSurveys;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.model.Triggers;
import org.kila.survey.render.ChannelProfile;

/**
 * Texting the bundled youth survey (English and Kiswahili, keyword SAUTI) as a respondent would, and
 * what each text gets back, read from the outbox the replies are queued in. A second survey (keyword
 * WASU) is one whose USSD sessions must not be finished by SMS.
 */
class SmsConversationsTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();
  static Vertx vertx;
  static SmsConversations conversations;
  static PhoneVault vault;
  static final AtomicInteger ids = new AtomicInteger();
  static final MutableClock clock = new MutableClock();
  static final SimpleMeterRegistry smsRegistry = new SimpleMeterRegistry();
  static SurveyCatalog catalog;

  /** A clock the tests move forward, to pass the help text's hour or a conversation's expiry. */
  static final class MutableClock extends Clock {
    volatile Instant now = T0;

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @BeforeAll
  static void gateway() {
    vertx = Vertx.vertx();
    byte[] h = new byte[32];
    byte[] e = new byte[32];
    Arrays.fill(h, (byte) 3);
    Arrays.fill(e, (byte) 4);
    vault = new PhoneVault("KE", new PhoneKeys(h, e));
    ChannelProfile ussd = ChannelProfile.ussdDefault();
    catalog = new SurveyCatalog(SurveyPublisher.loader(db.jdbi()), ussd);
    SurveyPublisher publisher = new SurveyPublisher(db.jdbi(), ussd, Clock.systemUTC());
    publisher.publish(Optional.empty());
    LaunchedSurveys.launch(db.jdbi(), LaunchedSurveys.poll("girls-voice-ng", "*384*41#", "WASU", "{\"finishBySms\": false}"));
    catalog.setLive(publisher.launched());
    SmsMetrics smsMetrics = new SmsMetrics(smsRegistry);
    conversations = new SmsConversations(db.jdbi(), new Blocking(vertx, 2), catalog, vault,
        new Outbox(clock, smsMetrics), new KilaMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), smsMetrics,
        Duration.ofHours(2), Duration.ofHours(24),
        new FollowUpDefaults(Optional.empty(), ZoneOffset.UTC, 1, Duration.ofHours(48), Set.of(), true), clock);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A respondent's phone: sends texts and reads the replies queued for it. */
  static final class Phone {
    final String number;

    Phone(String number) {
      this.number = number;
    }

    String send(String body) {
      return deliver("SM" + ids.incrementAndGet(), body, null);
    }

    String deliver(String messageId, String body, OptOutType optOutType) {
      try {
        return conversations.receive(new SmsInbound("twilio", messageId, number, "+254700000100", body, optOutType))
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    List<String> replies() {
      return db.jdbi().withHandle(h -> h.createQuery("""
          SELECT o.body FROM sms_outbox o JOIN respondent r ON r.id = o.respondent_id
           WHERE r.phone_hash = :hash ORDER BY o.id""").bind("hash", vault.hash(number)).mapTo(String.class).list());
    }

    String lastReply() {
      List<String> all = replies();
      return all.isEmpty() ? "" : all.get(all.size() - 1);
    }
  }

  @Test
  void aKeywordStartsTheSurveyAndEachReplyAnswersTheNextQuestion() {
    Phone phone = new Phone("+254711200001");
    assertEquals("started", phone.send("  sauti "));
    assertTrue(phone.lastReply().contains("1. English") && phone.lastReply().contains("2. Kiswahili"), phone.lastReply());
    assertEquals("answered", phone.send("2"));
    assertTrue(phone.lastReply().contains("Ndiyo"), "consent in Kiswahili: " + phone.lastReply());
    phone.send("1");
    assertTrue(phone.lastReply().contains("Jinsia"), "first question: " + phone.lastReply());
    phone.send("1");
    assertTrue(phone.lastReply().contains("umri"), "then the age: " + phone.lastReply());
    assertEquals(4, phone.replies().size(), "one reply per text");
  }

  @Test
  void aSecondDeliveryOfTheSameTextIsRecordedOnceAndAnsweredOnce() {
    Phone phone = new Phone("+254711200002");
    phone.send("SAUTI");
    assertEquals("answered", phone.deliver("SMdup-1", "1", null));
    assertEquals("duplicate", phone.deliver("SMdup-1", "1", null));
    assertEquals(2, phone.replies().size());
    long answers = db.jdbi().withHandle(h -> h.createQuery("""
        SELECT count(*) FROM survey_session s JOIN respondent r ON r.id = s.respondent_id
         WHERE r.phone_hash = :hash AND s.state->>'language' = 'en'""").bind("hash", vault.hash(phone.number))
        .mapTo(Long.class).one());
    assertEquals(1, answers, "the language was chosen once");
  }

  @Test
  void stopOptsOutOnceAndNothingElseIsSentUntilStart() {
    Phone phone = new Phone("+254711200003");
    phone.send("SAUTI");
    assertEquals("opted_out", phone.send("Stop"));
    assertTrue(phone.lastReply().startsWith("You will get no more messages"), phone.lastReply());
    assertEquals("opted_out", phone.send("STOP"));
    assertEquals("ignored_opted_out", phone.send("1"));
    assertEquals("ignored_opted_out", phone.send("SAUTI"));
    assertEquals(2, phone.replies().size(), "the survey's first screen and one acknowledgement");
    assertEquals("opted_in", phone.send("start"));
    assertTrue(phone.lastReply().contains("SAUTI"), phone.lastReply());
    assertEquals("answered", phone.send("1"), "the survey goes on where it was");
  }

  @Test
  void stopInsideASentenceIsAnAnswerNotAnOptOut() {
    Phone phone = new Phone("+254711200004");
    phone.send("SAUTI");
    assertEquals("answered", phone.send("stop the noise, I like it"));
    assertEquals(false, db.jdbi().onDemand(OptOutDao.class).isOptedOut(vault.hash(phone.number)));
    assertTrue(phone.lastReply().contains("1. English"), "an invalid answer gets the screen again: " + phone.lastReply());
  }

  @Test
  void translatedStopOptsOutToo() {
    Phone phone = new Phone("+254711200005");
    phone.send("SAUTI");
    assertEquals("opted_out", phone.send("sitisha"));
    assertTrue(db.jdbi().onDemand(OptOutDao.class).isOptedOut(vault.hash(phone.number)));
  }

  @Test
  void twiliosOwnOptOutIsFollowedWithoutASecondAcknowledgement() {
    Phone phone = new Phone("+254711200006");
    assertEquals("opted_out", phone.deliver("SMtw-1", "STOPALL", OptOutType.STOP));
    assertTrue(db.jdbi().onDemand(OptOutDao.class).isOptedOut(vault.hash(phone.number)));
    assertEquals(List.of(), phone.replies(), "Twilio acknowledged it itself");
  }

  @Test
  void somethingWeCannotPlaceGetsOneHelpTextAnHour() {
    Phone phone = new Phone("+254711200007");
    assertEquals("help", phone.send("Hello who is this?"));
    // It names live surveys' keywords (at most three, to stay one text).
    List<String> live = catalog.live().stream().flatMap(s -> s.definition().triggers().smsKeywords().stream()).toList();
    assertTrue(live.stream().limit(3).allMatch(phone.lastReply()::contains), phone.lastReply() + " should name " + live);
    assertEquals("help_suppressed", phone.send("I am away from my phone (auto-reply)"));
    assertEquals("help_suppressed", phone.send("I am away from my phone (auto-reply)"));
    assertEquals(1, phone.replies().size(), "an auto-responder cannot make us talk");
    clock.now = clock.now.plus(Duration.ofMinutes(61));
    try {
      assertEquals("help", phone.send("HELP"));
    } finally {
      clock.now = T0;
    }
  }

  @Test
  void langSwitchesTheLanguageAndShowsTheSameQuestionAgain() {
    Phone phone = new Phone("+254711200008");
    phone.send("SAUTI");
    phone.send("1");
    phone.send("1");
    assertTrue(phone.lastReply().contains("What is your gender?"), phone.lastReply());
    assertEquals("language", phone.send("lugha"));
    assertTrue(phone.lastReply().contains("Jinsia yako ni ipi?"), phone.lastReply());
    assertEquals("language", phone.send("LANG en"));
    assertTrue(phone.lastReply().contains("What is your gender?"), phone.lastReply());
    assertEquals("answered", phone.send("Language is important to me"), "names no language: an answer");
  }

  @Test
  void anExpiredConversationNoLongerTakesAnswersButTheKeywordContinuesIt() {
    Phone phone = new Phone("+254711200009");
    phone.send("SAUTI");
    phone.send("1");
    clock.now = clock.now.plus(Duration.ofHours(3));
    try {
      assertEquals("help", phone.send("1"));
      assertEquals("resumed", phone.send("Sauti"));
      assertTrue(phone.lastReply().contains("Continue?") || phone.lastReply().contains("1. Yes"), phone.lastReply());
    } finally {
      clock.now = T0;
    }
  }

  @Test
  void aUssdSessionOfASurveyToBeFinishedByUssdIsNotContinuedByItsKeywordButTheCodeToDialIsSent() {
    Phone phone = new Phone("+254711200031");
    phone.send("WASU");
    phone.send("2");
    assertTrue(phone.lastReply().contains("Uko shuleni?"), phone.lastReply());
    String before = startedByUssd(phone);
    clock.now = clock.now.plus(Duration.ofHours(3)); // the texts no longer answer; the session may still be resumed
    try {
      assertEquals("dial_to_finish", phone.send("wasu"));
      assertEquals("Utafiti wako haujakamilika. Piga *384*41# kumaliza ulipoishia.", phone.lastReply());
      assertEquals(before, session(phone), "the session is left for the respondent to finish by USSD");
    } finally {
      clock.now = T0;
    }
  }

  @Test
  void aUssdSessionOfASurveyThatLeavesItToTheGatewayIsContinuedByItsKeyword() {
    Phone phone = new Phone("+254711200032");
    phone.send("SAUTI");
    phone.send("1");
    startedByUssd(phone);
    clock.now = clock.now.plus(Duration.ofHours(3));
    try {
      assertEquals("resumed", phone.send("SAUTI"), "the gateway lets SMS finish what USSD began");
    } finally {
      clock.now = T0;
    }
  }

  /** Makes the number's session one begun by dialling, as if it had dropped there; returns it as stored. */
  static String startedByUssd(Phone phone) {
    db.jdbi().useHandle(h -> h.createUpdate("""
        UPDATE survey_session SET channel = 'ussd', aggregator = 'africastalking'
         WHERE respondent_id = (SELECT id FROM respondent WHERE phone_hash = :hash)""")
        .bind("hash", vault.hash(phone.number)).execute());
    return session(phone);
  }

  static String session(Phone phone) {
    return db.jdbi().withHandle(h -> h.createQuery("""
        SELECT s.channel || ' ' || s.status || ' ' || s.updated_at || ' ' || s.state::text
          FROM survey_session s JOIN respondent r ON r.id = s.respondent_id WHERE r.phone_hash = :hash""")
        .bind("hash", vault.hash(phone.number)).mapTo(String.class).one());
  }

  @Test
  void aNumberThatCannotBeReadIsRefusedQuietly() {
    assertEquals("bad_phone", new Phone("ALPHA-SENDER").send("SAUTI"));
  }

  @Test
  void aPausedSurveysKeywordIsAnsweredThatItIsPausedInItsFirstLanguageAndStartsNothing() {
    launch("paused-kw", 1, "PUMZIKO");
    pause("paused-kw");
    Phone phone = new Phone("+254711200010");
    double before = texts("paused");
    assertEquals("paused", phone.send(" pumziko "));
    assertEquals(List.of("This survey is paused for now. Please send PUMZIKO again later to take part."), phone.replies());
    assertEquals(0, sessionsOf(phone), "nothing started");
    assertEquals(before + 1, texts("paused"), "counted in kila_sms_texts_total{outcome=paused}");
    assertEquals("paused_suppressed", phone.send("PUMZIKO"), "an auto-responder cannot make us talk");
    assertEquals(1, phone.replies().size());
  }

  @Test
  void aReplyAfterTheSurveyWasPausedIsNotStoredAndIsAnsweredInTheConversationsLanguage() {
    launch("paused-mid", 1, "KATIKATI");
    Phone phone = new Phone("+254711200011");
    phone.send("KATIKATI");
    phone.send("2"); // Kiswahili
    phone.send("1"); // consent
    assertTrue(phone.lastReply().contains("Jinsia"), phone.lastReply());
    long answers = answersOf(phone);
    pause("paused-mid");

    assertEquals("paused", phone.send("1"));
    assertEquals("Utafiti huu umesitishwa kwa sasa. Tafadhali tuma KATIKATI tena baadaye kushiriki.", phone.lastReply());
    assertEquals(answers, answersOf(phone), "the reply is not stored as an answer");
    assertEquals("paused_suppressed", phone.send("1"));
    assertEquals(answers, answersOf(phone));
    assertEquals(4, phone.replies().size(), "three screens and one notice");

    relaunch("paused-mid", 1);
    assertEquals("answered", phone.send("1"), "launched again, the conversation goes on where it stopped");
    assertTrue(phone.lastReply().contains("umri"), "the next question: " + phone.lastReply());
    assertEquals(answers + 1, answersOf(phone));
  }

  @Test
  void aClosedSurveysKeywordAndAReplyToItAreAnsweredThatItHasClosed() {
    launch("closing", 1, "MWISHO");
    Phone midway = new Phone("+254711200012");
    midway.send("MWISHO");
    midway.send("2");
    long answers = answersOf(midway);
    close("closing", 1);

    assertEquals("closed", midway.send("1"));
    assertEquals("Utafiti huu umefungwa na haupokei majibu zaidi. Asante kwa muda wako.", midway.lastReply());
    assertEquals(answers, answersOf(midway), "nothing stored");

    Phone late = new Phone("+254711200013");
    assertEquals("closed", late.send("Mwisho"));
    assertEquals(List.of("This survey has closed and takes no more answers. Thank you for your time."), late.replies());
    assertEquals(0, sessionsOf(late));
    assertTrue(texts("closed") >= 2);
  }

  @Test
  void aNewVersionClosesTheOldOneButAConversationOnTheOldVersionGoesOn() {
    launch("edited", 1, "TOLEO");
    Phone phone = new Phone("+254711200014");
    phone.send("TOLEO");
    phone.send("1");
    launch("edited", 2, "TOLEO");
    assertEquals("closed", db.jdbi().withHandle(h -> h.createQuery(
        "SELECT status FROM survey_version WHERE survey_id = 'edited' AND version = 1").mapTo(String.class).one()));
    assertEquals("answered", phone.send("1"), "the survey is live in version 2: version 1's sessions finish");
    assertTrue(phone.lastReply().contains("What is your gender?"), phone.lastReply());
    assertEquals("started", new Phone("+254711200015").send("TOLEO"), "and the keyword starts version 2");
  }

  /** Stores and launches a copy of the youth survey as {@code id} v{@code version} on {@code keyword}, and reloads the catalog. */
  private static void launch(String id, int version, String keyword) {
    String json = youthSurveyAs(id, version, keyword);
    SurveyDao surveys = db.dao(SurveyDao.class);
    surveys.saveVersion(id, version, id, json, T0);
    surveys.claimTriggers(id, version, new Triggers(List.of(), List.of(keyword)), T0);
    surveys.launch(id, version, T0);
    reload();
  }

  private static void relaunch(String id, int version) {
    db.dao(SurveyDao.class).launch(id, version, T0);
    reload();
  }

  private static void pause(String id) {
    db.dao(SurveyDao.class).setStatus(id, 1, SurveyStatus.PAUSED, T0);
    reload();
  }

  /** As the admin API closes a version: closed, and its keywords freed. */
  private static void close(String id, int version) {
    SurveyDao surveys = db.dao(SurveyDao.class);
    surveys.setStatus(id, version, SurveyStatus.CLOSED, T0);
    surveys.releaseTriggersExcept(id, new String[0], new String[0]);
    reload();
  }

  private static void reload() {
    new CatalogReload(db.jdbi(), catalog).run();
  }

  private static String youthSurveyAs(String id, int version, String keyword) {
    try (InputStream in = SmsConversationsTest.class.getClassLoader()
        .getResourceAsStream("org/kila/survey/examples/youth-voice-ke.json")) {
      ObjectNode survey = (ObjectNode) JSON.readTree(in);
      survey.put("id", id).put("version", version);
      ObjectNode triggers = survey.putObject("triggers");
      triggers.putArray("ussd");
      triggers.putArray("sms").add(keyword);
      return JSON.writeValueAsString(survey);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long sessionsOf(Phone phone) {
    return db.jdbi().withHandle(h -> h.createQuery("""
        SELECT count(*) FROM survey_session s JOIN respondent r ON r.id = s.respondent_id
         WHERE r.phone_hash = :hash""").bind("hash", vault.hash(phone.number)).mapTo(Long.class).one());
  }

  private static long answersOf(Phone phone) {
    return db.jdbi().withHandle(h -> h.createQuery("""
        SELECT count(*) FROM answer a JOIN survey_session s ON s.id = a.session_id
          JOIN respondent r ON r.id = s.respondent_id
         WHERE r.phone_hash = :hash""").bind("hash", vault.hash(phone.number)).mapTo(Long.class).one());
  }

  /** kila_sms_texts_total{provider="twilio", outcome} so far. */
  private static double texts(String outcome) {
    Counter counter = smsRegistry.find("kila.sms.texts").tag("provider", "twilio").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
