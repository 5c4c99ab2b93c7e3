package org.kila.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SMS options: off without a provider, each provider all-or-nothing, every bad value named. */
class SmsConfigTest {
  static final String SID = "AC0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("KILA_DATA_DIR", dir.resolve("data").toString());
    env.put("KILA_PHONE_HASH_KEY", ConfigLoaderTest.HASH_KEY);
    env.put("KILA_PHONE_ENCRYPTION_KEY", ConfigLoaderTest.ENCRYPTION_KEY);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  SmsConfig load(String... pairs) {
    return ConfigLoader.load(env(pairs), Optional.empty()).sms();
  }

  @Test
  void withNoProviderSmsIsOffAndTheDefaultsHold() {
    SmsConfig sms = load();
    assertFalse(sms.enabled());
    assertEquals(Optional.empty(), sms.defaultProvider());
    assertEquals(5.0, sms.ratePerSecond());
    assertEquals(5, sms.maxAttempts());
    assertEquals(Duration.ofHours(24), sms.conversationExpiry());
    assertEquals(Optional.of(new SmsConfig.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0))), sms.quietHours());
    assertEquals(ZoneId.of("Africa/Nairobi"), sms.timeZone());
    assertEquals(1, sms.reminders());
    assertEquals(Duration.ofHours(48), sms.reminderDelay());
    assertEquals(Set.of(), sms.nudgeSurveys());
    assertTrue(sms.finishBySms());
  }

  @Test
  void everySmsOptionIsRead() {
    SmsConfig sms = load("KILA_TWILIO_ACCOUNT_SID", SID, "KILA_TWILIO_AUTH_TOKEN", "tok", "KILA_TWILIO_FROM", "+254700000100",
        "KILA_TWILIO_BASE_URL", "http://127.0.0.1:4010", "KILA_AT_USERNAME", "kila", "KILA_AT_API_KEY", "atkey",
        "KILA_AT_SMS_SECRET", "Zq7-Xw2pLk9vRt4mNb6c", "KILA_AT_FROM", "21525",
        "KILA_AT_BASE_URL", "https://api.sandbox.africastalking.com", "KILA_SMS_RATE_PER_SECOND", "2.5",
        "KILA_SMS_MAX_ATTEMPTS", "8", "KILA_SMS_CONVERSATION_EXPIRY", "2h", "KILA_SMS_QUIET_HOURS", "none",
        "KILA_SMS_TIME_ZONE", "Asia/Dhaka", "KILA_SMS_REMINDERS", "2", "KILA_SMS_REMINDER_DELAY", "24h",
        "KILA_SMS_NUDGE_SURVEYS", "youth-voice-ke, wg-service-feedback", "KILA_SMS_FINISH_BY_SMS", "FALSE");
    assertEquals(new SmsConfig.Twilio(SID, "tok", "+254700000100", URI.create("http://127.0.0.1:4010")), sms.twilio().orElseThrow());
    assertEquals(new SmsConfig.AfricasTalking("kila", "atkey", "Zq7-Xw2pLk9vRt4mNb6c", Optional.of("21525"),
        URI.create("https://api.sandbox.africastalking.com")), sms.africasTalking().orElseThrow());
    assertEquals(Optional.of("twilio"), sms.defaultProvider());
    assertEquals(2.5, sms.ratePerSecond());
    assertEquals(8, sms.maxAttempts());
    assertEquals(Duration.ofHours(2), sms.conversationExpiry());
    assertEquals(Optional.empty(), sms.quietHours());
    assertEquals(ZoneId.of("Asia/Dhaka"), sms.timeZone());
    assertEquals(2, sms.reminders());
    assertEquals(Duration.ofHours(24), sms.reminderDelay());
    assertEquals(Set.of("youth-voice-ke", "wg-service-feedback"), sms.nudgeSurveys());
    assertFalse(sms.finishBySms());
  }

  @Test
  void africasTalkingAloneIsEnough() {
    SmsConfig sms = load("KILA_AT_USERNAME", "sandbox", "KILA_AT_API_KEY", "k", "KILA_AT_SMS_SECRET", "0123456789abcdef");
    assertTrue(sms.enabled());
    assertEquals(Optional.of("africastalking"), sms.defaultProvider());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "KILA_TWILIO_ACCOUNT_SID|" + SID + "|KILA_TWILIO_ACCOUNT_SID: SMS through Twilio also needs KILA_TWILIO_AUTH_TOKEN and KILA_TWILIO_FROM",
      "KILA_AT_API_KEY|k|KILA_AT_API_KEY: SMS through Africa's Talking also needs KILA_AT_USERNAME and KILA_AT_SMS_SECRET",
      "KILA_SMS_RATE_PER_SECOND|0|KILA_SMS_RATE_PER_SECOND: must be a number 0.1-1000, got '0'",
      "KILA_SMS_RATE_PER_SECOND|fast|KILA_SMS_RATE_PER_SECOND: must be a number 0.1-1000, got 'fast'",
      "KILA_SMS_MAX_ATTEMPTS|0|KILA_SMS_MAX_ATTEMPTS: must be a whole number 1-20, got '0'",
      "KILA_SMS_CONVERSATION_EXPIRY|1m|KILA_SMS_CONVERSATION_EXPIRY: must be a duration between 5m and 30d such as 90s, 15m, 24h or PT2S, got '1m'",
      "KILA_SMS_QUIET_HOURS|9pm-7am|KILA_SMS_QUIET_HOURS: must be two different times HH:MM-HH:MM such as 21:00-07:00, or none, got '9pm-7am'",
      "KILA_SMS_QUIET_HOURS|25:00-07:00|KILA_SMS_QUIET_HOURS: must be two different times HH:MM-HH:MM such as 21:00-07:00, or none, got '25:00-07:00'",
      "KILA_SMS_TIME_ZONE|Nairobi|KILA_SMS_TIME_ZONE: must be a time zone such as Africa/Nairobi or Asia/Dhaka, got 'Nairobi'",
      "KILA_SMS_REMINDERS|9|KILA_SMS_REMINDERS: must be a whole number 0-5, got '9'",
      "KILA_SMS_REMINDER_DELAY|10m|KILA_SMS_REMINDER_DELAY: must be a duration between 1h and 30d such as 90s, 15m, 24h or PT2S, got '10m'",
      "KILA_SMS_FINISH_BY_SMS|no|KILA_SMS_FINISH_BY_SMS: must be true or false, got 'no'",
      "KILA_TWILIO_BASE_URL|api.twilio.com|KILA_TWILIO_BASE_URL: must be an absolute http(s) URL, got 'api.twilio.com'",
  })
  void eachBadValueIsNamedWithWhatIsExpected(String name, String value, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(name, value), Optional.empty()));
    assertEquals(List.of(message), e.problems());
  }

  @Test
  void aBadTwilioAccountSidIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("KILA_TWILIO_ACCOUNT_SID", "SK123",
        "KILA_TWILIO_AUTH_TOKEN", "tok", "KILA_TWILIO_FROM", "+254700000100"));
    assertEquals(List.of("KILA_TWILIO_ACCOUNT_SID: must be AC followed by 32 hexadecimal digits, got 'SK123'"), e.problems());
  }

  @Test
  void aShortOrOddSecretIsRefusedWithoutBeingQuoted() {
    ConfigException e = assertThrows(ConfigException.class, () -> load("KILA_AT_USERNAME", "kila", "KILA_AT_API_KEY", "k",
        "KILA_AT_SMS_SECRET", "hunter2"));
    assertEquals(1, e.problems().size());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    ConfigException odd = assertThrows(ConfigException.class, () -> load("KILA_AT_USERNAME", "kila", "KILA_AT_API_KEY", "k",
        "KILA_AT_SMS_SECRET", "has/slash/and/is/long/enough"));
    assertFalse(odd.getMessage().contains("has/slash"), odd.getMessage());
  }

  @Test
  void noSecretInToString() {
    String text = ConfigLoader.load(env("KILA_TWILIO_ACCOUNT_SID", SID, "KILA_TWILIO_AUTH_TOKEN", "tw-secret-token",
        "KILA_TWILIO_FROM", "+254700000100", "KILA_AT_USERNAME", "kila", "KILA_AT_API_KEY", "at-secret-key",
        "KILA_AT_SMS_SECRET", "path-secret-0123456789"), Optional.empty()).toString();
    for (String secret : List.of("tw-secret-token", "at-secret-key", "path-secret-0123456789")) {
      assertFalse(text.contains(secret), "leaks " + secret + ": " + text);
    }
  }
}
