package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.config.PhoneKeys;
import org.kila.gateway.config.SmsConfig;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.ProfileDao;
import org.kila.gateway.store.RespondentDao;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.gateway.survey.SurveyPublisher;
import org.kila.gateway.testing.LaunchedSurveys;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.render.ChannelProfile;

/** An NGO's list of numbers invited to the youth survey: what is queued, what is skipped and why. */
class InvitationsTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  /** 12:00 in Nairobi: outside the 21:00-07:00 quiet hours. */
  static final Instant NOON = Instant.parse("2026-11-23T09:00:00Z");
  static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
  static SurveyCatalog catalog;
  static PhoneVault vault;

  @BeforeAll
  static void surveys() {
    ChannelProfile ussd = ChannelProfile.ussdDefault();
    catalog = new SurveyCatalog(SurveyPublisher.loader(db.jdbi()), ussd);
    SurveyPublisher publisher = new SurveyPublisher(db.jdbi(), ussd, Clock.systemUTC());
    publisher.publish(Optional.empty());
    // Its own quiet hours: none after 19:00 in Nigeria.
    LaunchedSurveys.launch(db.jdbi(), LaunchedSurveys.poll("girls-voice-ng", "*384*41#", "WASU",
        "{\"quietHours\": \"19:00-07:00\", \"timeZone\": \"Africa/Lagos\"}"));
    catalog.setLive(publisher.launched());
    byte[] h = new byte[32];
    byte[] e = new byte[32];
    Arrays.fill(h, (byte) 5);
    Arrays.fill(e, (byte) 6);
    vault = new PhoneVault("KE", new PhoneKeys(h, e));
  }

  @BeforeEach
  void empty() {
    db.jdbi().useHandle(h -> h.execute("TRUNCATE sms_outbox, sms_invitation, sms_opt_out, respondent_profile CASCADE"));
  }

  Invitations invitations(Instant now) {
    return new Invitations(db.jdbi(), catalog, vault,
        new Outbox(Clock.fixed(now, ZoneOffset.UTC), new SmsMetrics(new SimpleMeterRegistry())),
        new FollowUpDefaults(Optional.of(new SmsConfig.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0))), NAIROBI, 1,
            Duration.ofHours(48), Set.of(), true),
        "twilio", Clock.fixed(now, ZoneOffset.UTC));
  }

  Invitations.Report invite(String csv) {
    return invitations(NOON).invite("youth-voice-ke", new StringReader(csv));
  }

  List<Map<String, Object>> outbox() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT kind, body, next_attempt_at, provider FROM sms_outbox ORDER BY id")
        .mapToMap().list());
  }

  @Test
  void eachNumberGetsOneInvitationInItsLanguageAndWhatTheListKnowsGoesToTheProfile() {
    Invitations.Report report = invite("""
        phone,language,location_type
        0711 400 001,,
        +254711400002,sw,rural
        254711400003,en,urban
        """);
    assertEquals(new Invitations.Report(3, List.of(), null), report);
    List<Map<String, Object>> queued = outbox();
    assertEquals(3, queued.size());
    assertTrue(queued.stream().allMatch(r -> r.get("kind").equals("invitation") && r.get("provider").equals("twilio")));
    assertTrue(((String) queued.get(0).get("body")).contains("Reply SAUTI to start"), (String) queued.get(0).get("body"));
    assertTrue(((String) queued.get(1).get("body")).contains("Jibu SAUTI kuanza"), (String) queued.get(1).get("body"));
    var respondent = db.jdbi().onDemand(RespondentDao.class).findId(vault.hash("+254711400002")).orElseThrow();
    assertEquals(Map.of("location_type", "rural"), db.jdbi().onDemand(ProfileDao.class).load(respondent));
  }

  @Test
  void everyRowThatCannotBeInvitedIsReportedWithItsLineAndWhy() {
    db.jdbi().onDemand(OptOutDao.class).optOut(vault.hash("+254711400015"), NOON, OptOutDao.Source.KEYWORD);
    Invitations.Report report = invite("""
        phone,language,gender
        0711400011,,female
        not a number,,
        0711400011,,
        0711400013,zu,
        0711400014,,woman
        0711400015,,
        0711400016,sw,male,extra
        0711400017,sw,
        """);
    assertEquals(2, report.invited());
    assertEquals(List.of(
        new Invitations.Skipped(3, "'phone' is not a phone number we can read"),
        new Invitations.Skipped(4, "the same number as line 2"),
        new Invitations.Skipped(5, "language 'zu' is not one of the survey's [en, sw]"),
        new Invitations.Skipped(6, "gender 'woman' is not one of [female, male, other, prefer_not_to_say]"),
        new Invitations.Skipped(7, "opted out of SMS"),
        new Invitations.Skipped(8, "has 4 fields, the header has 3")), report.skipped());
  }

  @Test
  void theSameFileTwiceInvitesNoOneTwice() {
    String csv = "phone\n0711400021\n0711400022\n";
    assertEquals(2, invite(csv).invited());
    Invitations.Report again = invite(csv);
    assertEquals(0, again.invited());
    assertEquals(List.of(new Invitations.Skipped(2, "already invited to this survey"),
        new Invitations.Skipped(3, "already invited to this survey")), again.skipped());
    assertEquals(2, outbox().size());
  }

  @Test
  void duringQuietHoursInvitationsWaitForTheMorning() {
    Instant lateEvening = Instant.parse("2026-11-23T19:30:00Z"); // 22:30 in Nairobi
    invitations(lateEvening).invite("youth-voice-ke", new StringReader("phone\n0711400031\n"));
    assertEquals(Instant.parse("2026-11-24T04:00:00Z"), ((java.sql.Timestamp) outbox().get(0).get("next_attempt_at")).toInstant());
  }

  @Test
  void aSurveysOwnQuietHoursInItsOwnTimeZoneWinOverTheGateways() {
    Instant early = Instant.parse("2026-11-24T05:00:00Z"); // 08:00 in Nairobi, 06:00 in Lagos
    invitations(early).invite("youth-voice-ke", new StringReader("phone\n0711400051\n"));
    invitations(early).invite("girls-voice-ng", new StringReader("phone\n0711400052\n"));
    List<Map<String, Object>> queued = outbox();
    assertEquals(early, ((java.sql.Timestamp) queued.get(0).get("next_attempt_at")).toInstant(),
        "the youth survey follows the gateway: Nairobi's quiet hours are over");
    assertEquals(Instant.parse("2026-11-24T06:00:00Z"), ((java.sql.Timestamp) queued.get(1).get("next_attempt_at")).toInstant(),
        "the girls' survey waits for 07:00 in Lagos");
  }

  @Test
  void aFileBrokenHalfWayKeepsTheRowsBeforeTheBreak() {
    Invitations.Report report = invite("phone,language\n0711400041,en\n0711400042,\"en\n");
    assertEquals(1, report.invited());
    assertNotNull(report.brokenAt(), "the broken row is reported");
    assertEquals(1, outbox().size());
  }

  @Test
  void aFileTheSurveyCannotUseIsRefusedWhole() {
    assertThrows(Invitations.RefusedFile.class, () -> invite("number\n0711400051\n"));
    Invitations.RefusedFile unknown = assertThrows(Invitations.RefusedFile.class, () -> invite("phone,income\n0711400051,high\n"));
    assertTrue(unknown.getMessage().contains("'income'"), unknown.getMessage());
    assertThrows(Invitations.RefusedFile.class,
        () -> invitations(NOON).invite("no-such-survey", new StringReader("phone\n0711400051\n")));
    assertEquals(List.of(), outbox());
  }
}
