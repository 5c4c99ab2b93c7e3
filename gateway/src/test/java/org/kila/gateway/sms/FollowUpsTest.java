package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.config.PhoneKeys;
import org.kila.gateway.config.SmsConfig;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.RespondentDao;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.gateway.survey.SurveyPublisher;
import org.kila.gateway.testing.LaunchedSurveys;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.render.ChannelProfile;

/**
 * Reminders after invitations and nudges after dropped USSD sessions, as time passes: with the gateway's
 * options for the bundled youth survey, and with their own settings for two surveys that have an "sms" block.
 */
class FollowUpsTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
  static final Duration DELAY = Duration.ofHours(48);
  static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
  /** Its own rules: quiet 19:00-07:00 Lagos time, two reminders a day apart, no nudge, finished by USSD only. */
  static final String GIRLS = LaunchedSurveys.poll("girls-voice-ng", "*384*41#", "WASU", """
      {"quietHours": "19:00-07:00", "timeZone": "Africa/Lagos", "reminders": 2, "reminderDelay": "24h",
       "nudge": false, "finishBySms": false}""");
  /** Nudges whatever the gateway's list says, at any hour. */
  static final String MARKET = LaunchedSurveys.poll("market-ke", "*384*42#", "SOKO", "{\"nudge\": true, \"quietHours\": \"none\"}");
  static SurveyCatalog catalog;
  static PhoneVault vault;
  Instant now = T0;
  final Clock clock = new Clock() {
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  @BeforeAll
  static void surveys() {
    ChannelProfile ussd = ChannelProfile.ussdDefault();
    catalog = new SurveyCatalog(SurveyPublisher.loader(db.jdbi()), ussd);
    SurveyPublisher publisher = new SurveyPublisher(db.jdbi(), ussd, Clock.systemUTC());
    publisher.publish(Optional.empty());
    LaunchedSurveys.launch(db.jdbi(), GIRLS, MARKET);
    catalog.setLive(publisher.launched());
    byte[] h = new byte[32];
    byte[] e = new byte[32];
    Arrays.fill(h, (byte) 8);
    Arrays.fill(e, (byte) 9);
    vault = new PhoneVault("KE", new PhoneKeys(h, e));
  }

  @BeforeEach
  void empty() {
    db.jdbi().useHandle(h -> h.execute(
        "TRUNCATE sms_outbox, sms_invitation, sms_reminder, sms_opt_out, answer, channel_session, session_event, respondent_profile, survey_session CASCADE"));
  }

  Outbox outbox() {
    return new Outbox(clock, new SmsMetrics(new SimpleMeterRegistry()));
  }

  /** The gateway's options: {@code reminders} after {@link #DELAY}, nudges for {@code nudgeSurveys}, no quiet hours. */
  FollowUps followUps(int reminders, Set<String> nudgeSurveys) {
    return followUps(new FollowUpDefaults(Optional.empty(), ZoneOffset.UTC, reminders, DELAY, nudgeSurveys, true));
  }

  FollowUps followUps(FollowUpDefaults defaults) {
    return new FollowUps(db.jdbi(), catalog, outbox(), defaults, "twilio", Set.of("twilio"), Duration.ofHours(24), clock);
  }

  /** The gateway's quiet hours, 21:00-07:00 in Nairobi, with one reminder after {@code delay}. */
  static FollowUpDefaults nairobiNights(Duration delay, Set<String> nudgeSurveys) {
    return new FollowUpDefaults(Optional.of(new SmsConfig.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0))), NAIROBI, 1,
        delay, nudgeSurveys, true);
  }

  void invite(String... phones) {
    inviteTo("youth-voice-ke", phones);
  }

  void inviteTo(String surveyId, String... phones) {
    new Invitations(db.jdbi(), catalog, vault, outbox(), followUpDefaultsWithoutQuietHours(), "twilio", clock)
        .invite(surveyId, new StringReader("phone\n" + String.join("\n", phones) + "\n"));
  }

  /** Invitations go at once, unless the survey's own quiet hours hold them back. */
  static FollowUpDefaults followUpDefaultsWithoutQuietHours() {
    return new FollowUpDefaults(Optional.empty(), ZoneOffset.UTC, 1, DELAY, Set.of(), true);
  }

  UUID respondent(String e164) {
    return db.jdbi().onDemand(RespondentDao.class).upsert(vault.hash(e164), vault.encrypt(e164));
  }

  void session(UUID respondent, String channel, String status, Instant updatedAt) {
    session(respondent, "youth-voice-ke", channel, status, updatedAt);
  }

  void session(UUID respondent, String surveyId, String channel, String status, Instant updatedAt) {
    db.jdbi().useHandle(h -> h.createUpdate("""
        INSERT INTO survey_session (survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                                    started_at, updated_at, ended_at)
        VALUES (:survey, 1, :r, :channel, 'africastalking', :status, CAST(:state AS jsonb), :t, :t,
                CASE WHEN :status IN ('completed', 'declined', 'screened_out', 'gave_up') THEN CAST(:t AS timestamptz) END)""")
        .bind("survey", surveyId).bind("r", respondent).bind("channel", channel).bind("status", status).bind("t", updatedAt)
        .bind("state", "{\"surveyId\":\"" + surveyId + "\",\"surveyVersion\":1,\"language\":\"sw\",\"stage\":\"QUESTION\"}")
        .execute());
  }

  List<String> queued(String kind) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM sms_outbox WHERE kind = :kind ORDER BY id")
        .bind("kind", kind).mapTo(String.class).list());
  }

  /** How many texts of {@code kind} each survey has queued. */
  Map<String, Integer> queuedBySurvey(String kind) {
    Map<String, Integer> counts = new TreeMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT survey_id FROM sms_outbox WHERE kind = :kind")
        .bind("kind", kind).mapTo(String.class).forEach(id -> counts.merge(id, 1, Integer::sum)));
    return counts;
  }

  /** The one text of {@code kind} queued for {@code surveyId}: its body and when it may go. */
  Map<String, Object> queuedFor(String kind, String surveyId) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT body, next_attempt_at FROM sms_outbox WHERE kind = :kind AND survey_id = :survey")
        .bind("kind", kind).bind("survey", surveyId).mapToMap().one());
  }

  static Instant sendAt(Map<String, Object> row) {
    return ((Timestamp) row.get("next_attempt_at")).toInstant();
  }

  @Test
  void thoseInvitedWhoHaveNotStartedAreRemindedOnceTheDelayHasPassed() {
    invite("+254711500001", "+254711500002");
    now = T0.plus(DELAY).minusSeconds(60);
    assertEquals(0, followUps(1, Set.of()).remind(), "too early");
    now = T0.plus(DELAY).plusSeconds(60);
    assertEquals(2, followUps(1, Set.of()).remind());
    assertTrue(queued("reminder").get(0).startsWith("Reminder: your answers to Youth Voice Kenya"), queued("reminder").get(0));
    assertEquals(0, followUps(1, Set.of()).remind(), "nothing twice");
    now = T0.plus(DELAY.multipliedBy(3));
    assertEquals(0, followUps(1, Set.of()).remind(), "never more than the configured count");
    assertEquals(2, followUps(2, Set.of()).remind(), "a second one when two are configured");
    assertEquals(0, followUps(2, Set.of()).remind());
  }

  @Test
  void noReminderToThoseWhoFinishedOrOptedOutAndStartersAreRemindedFromTheirLastText() {
    invite("+254711500011", "+254711500012", "+254711500013");
    session(respondent("+254711500011"), "sms", "completed", T0.plusSeconds(600));
    db.jdbi().onDemand(OptOutDao.class).optOut(vault.hash("+254711500012"), T0, OptOutDao.Source.KEYWORD);
    session(respondent("+254711500013"), "sms", "active", T0.plus(Duration.ofHours(30)));
    now = T0.plus(DELAY).plusSeconds(60);
    assertEquals(0, followUps(1, Set.of()).remind(), "the starter texted 30 h in: not quiet for the delay yet");
    now = T0.plus(Duration.ofHours(30)).plus(DELAY).plusSeconds(60);
    assertEquals(1, followUps(1, Set.of()).remind());
    assertTrue(queued("reminder").get(0).startsWith("Kumbusho"), "in the session's language: " + queued("reminder"));
  }

  @Test
  void someoneWhoStartedBySmsWithoutAnInvitationIsRemindedToo() {
    session(respondent("+254711500021"), "sms", "active", T0);
    session(respondent("+254711500022"), "ussd", "active", T0);
    now = T0.plus(DELAY).plusSeconds(60);
    assertEquals(1, followUps(1, Set.of()).remind(), "only the SMS one: USSD respondents never gave us leave to text");
  }

  @Test
  void aDroppedUssdSessionGetsOneNudgeWhenItsSurveyEnablesIt() {
    session(respondent("+254711500031"), "ussd", "dropped", T0);
    session(respondent("+254711500032"), "ussd", "active", T0.plusSeconds(170));
    session(respondent("+254711500033"), "ussd", "completed", T0);
    now = T0.plusSeconds(200);
    assertEquals(0, followUps(0, Set.of()).nudge(), "no survey enables nudges");
    assertEquals(1, followUps(0, Set.of("youth-voice-ke")).nudge(), "the one still dialling is left alone");
    assertEquals(List.of("Utafiti wako haujakamilika. Piga *384*12# kumaliza ulipoishia."), queued("nudge"));
    assertEquals(0, followUps(0, Set.of("youth-voice-ke")).nudge(), "one nudge per session");
    now = T0.plus(Duration.ofHours(25));
    assertEquals(0, followUps(0, Set.of("youth-voice-ke")).nudge(), "past the resume window a nudge would not help");
  }

  @Test
  void aSurveysOwnReminderCountAndDelayWinOverTheGatewaysDefaults() {
    inviteTo("youth-voice-ke", "+254711500041");
    inviteTo("girls-voice-ng", "+254711500042");
    FollowUps followUps = followUps(1, Set.of());

    now = T0.plus(Duration.ofHours(24)).plusSeconds(60);
    assertEquals(1, followUps.remind(),
        "the girls' survey reminds after its own 24 h, the youth survey waits for the gateway's 48 h");
    assertEquals(Map.of("girls-voice-ng", 1), queuedBySurvey("reminder"));
    now = T0.plus(DELAY).plusSeconds(120);
    assertEquals(2, followUps.remind());
    assertEquals(Map.of("girls-voice-ng", 2, "youth-voice-ke", 1), queuedBySurvey("reminder"));
    now = T0.plus(Duration.ofDays(10));
    assertEquals(0, followUps.remind(), "two for the girls' survey as it says, one for the youth survey as the gateway says");
  }

  @Test
  void aSurveysOwnQuietHoursInItsOwnTimeZoneHoldItsRemindersBack() {
    inviteTo("youth-voice-ke", "+254711500051");
    inviteTo("girls-voice-ng", "+254711500052");
    // 05:00 UTC: 08:00 in Nairobi, past the gateway's quiet hours; 06:00 in Lagos, inside the survey's.
    now = Instant.parse("2026-11-25T05:00:00Z");
    assertEquals(2, followUps(nairobiNights(Duration.ofHours(24), Set.of())).remind());

    assertEquals(now, sendAt(queuedFor("reminder", "youth-voice-ke")), "the gateway's quiet hours are over");
    assertEquals(Instant.parse("2026-11-25T06:00:00Z"), sendAt(queuedFor("reminder", "girls-voice-ng")),
        "07:00 in Lagos, when the survey's own quiet hours end");
  }

  @Test
  void aSurveysOwnNudgeSettingWinsOverTheGatewaysListAndItsQuietHoursOverTheGatewaysToo() {
    Instant lateEvening = Instant.parse("2026-11-23T20:00:00Z"); // 23:00 in Nairobi
    session(respondent("+254711500061"), "youth-voice-ke", "ussd", "dropped", lateEvening);
    session(respondent("+254711500062"), "girls-voice-ng", "ussd", "dropped", lateEvening);
    session(respondent("+254711500063"), "market-ke", "ussd", "dropped", lateEvening);
    now = lateEvening.plusSeconds(200);

    assertEquals(2, followUps(nairobiNights(DELAY, Set.of("youth-voice-ke", "girls-voice-ng"))).nudge());
    assertEquals(Map.of("market-ke", 1, "youth-voice-ke", 1), queuedBySurvey("nudge"),
        "the girls' survey never nudges though the gateway lists it; the market survey nudges though it does not");
    assertEquals(Instant.parse("2026-11-24T04:00:00Z"), sendAt(queuedFor("nudge", "youth-voice-ke")),
        "07:00 in Nairobi, the gateway's quiet hours");
    assertEquals(now, sendAt(queuedFor("nudge", "market-ke")), "the market survey has no quiet hours");
  }

  @Test
  void whereASurveyIsFinishedOnlyByUssdAReminderToSomeoneWhoStartedThereSaysWhichCodeToDial() {
    inviteTo("girls-voice-ng", "+254711500071");
    inviteTo("youth-voice-ke", "+254711500072");
    session(respondent("+254711500071"), "girls-voice-ng", "ussd", "dropped", T0.plusSeconds(600));
    session(respondent("+254711500072"), "youth-voice-ke", "ussd", "dropped", T0.plusSeconds(600));
    now = T0.plus(DELAY).plus(Duration.ofHours(1));

    assertEquals(2, followUps(1, Set.of()).remind());
    assertEquals("Utafiti wako haujakamilika. Piga *384*41# kumaliza ulipoishia.",
        queuedFor("reminder", "girls-voice-ng").get("body"));
    assertTrue(((String) queuedFor("reminder", "youth-voice-ke").get("body")).startsWith("Kumbusho"),
        "where SMS may finish it, the reminder says to reply");
  }
}
