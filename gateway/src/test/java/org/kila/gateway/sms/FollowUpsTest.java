package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.config.PhoneKeys;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.RespondentDao;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.gateway.survey.SurveyPublisher;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.render.ChannelProfile;

/** Reminders after invitations and nudges after dropped USSD sessions, as time passes. */
class FollowUpsTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
  static final Duration DELAY = Duration.ofHours(48);
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
    catalog.setLive(new SurveyPublisher(db.jdbi(), ussd, Clock.systemUTC()).publish(Optional.empty()));
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

  FollowUps followUps(int reminders, Set<String> nudgeSurveys) {
    return new FollowUps(db.jdbi(), catalog, outbox(), new QuietHours(Optional.empty(), ZoneOffset.UTC), "twilio",
        Set.of("twilio"), reminders, DELAY, nudgeSurveys, Duration.ofHours(24), clock);
  }

  void invite(String... phones) {
    new Invitations(db.jdbi(), catalog, vault, outbox(), new QuietHours(Optional.empty(), ZoneOffset.UTC), "twilio", clock)
        .invite("youth-voice-ke", new StringReader("phone\n" + String.join("\n", phones) + "\n"));
  }

  UUID respondent(String e164) {
    return db.jdbi().onDemand(RespondentDao.class).upsert(vault.hash(e164), vault.encrypt(e164));
  }

  void session(UUID respondent, String channel, String status, Instant updatedAt) {
    db.jdbi().useHandle(h -> h.createUpdate("""
        INSERT INTO survey_session (survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                                    started_at, updated_at, ended_at)
        VALUES ('youth-voice-ke', 1, :r, :channel, 'africastalking', :status, CAST(:state AS jsonb), :t, :t,
                CASE WHEN :status IN ('completed', 'declined', 'screened_out', 'gave_up') THEN CAST(:t AS timestamptz) END)""")
        .bind("r", respondent).bind("channel", channel).bind("status", status).bind("t", updatedAt)
        .bind("state", "{\"surveyId\":\"youth-voice-ke\",\"surveyVersion\":1,\"language\":\"sw\",\"stage\":\"QUESTION\"}")
        .execute());
  }

  List<String> queued(String kind) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM sms_outbox WHERE kind = :kind ORDER BY id")
        .bind("kind", kind).mapTo(String.class).list());
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
}
