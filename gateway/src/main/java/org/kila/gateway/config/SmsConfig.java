package org.kila.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The SMS channel's configuration. Quiet hours, time zone, reminders, nudges and finishing by SMS are the
 * defaults of every survey, each overridden by the survey's own "sms" block. SMS is on when at least one provider is configured; without one the
 * gateway still starts, serving USSD only. {@link #toString()} never shows a secret.
 *
 * @param ratePerSecond texts per second per sender number, per gateway instance
 * @param conversationExpiry how long after a respondent's last text their texts still answer
 * @param quietHours local hours without invitations, reminders or nudges; empty: none
 * @param reminders how many reminders at most; 0: none
 * @param nudgeSurveys surveys whose dropped USSD sessions get one SMS nudge
 * @param finishBySms whether texting a survey's keyword may continue a dropped USSD session by SMS
 */
public record SmsConfig(
    Optional<Twilio> twilio,
    Optional<AfricasTalking> africasTalking,
    double ratePerSecond,
    int maxAttempts,
    Duration conversationExpiry,
    Optional<QuietHours> quietHours,
    ZoneId timeZone,
    int reminders,
    Duration reminderDelay,
    Set<String> nudgeSurveys,
    boolean finishBySms) {

  public SmsConfig {
    nudgeSurveys = Set.copyOf(nudgeSurveys);
  }

  /** Whether any provider is configured. */
  public boolean enabled() {
    return twilio.isPresent() || africasTalking.isPresent();
  }

  /** The provider invitations, reminders and nudges go through: Twilio when configured, else Africa's Talking. */
  public Optional<String> defaultProvider() {
    return twilio.map(t -> "twilio").or(() -> africasTalking.map(a -> "africastalking"));
  }

  /** A Twilio account and the number texts go from. */
  public record Twilio(String accountSid, String authToken, String from, URI baseUrl) {
    @Override
    public String toString() {
      return "Twilio[accountSid=" + accountSid + ", authToken=***, from=" + from + ", baseUrl=" + baseUrl + "]";
    }
  }

  /** An Africa's Talking app, the secret of its callback URLs, and the short code or sender id texts go from. */
  public record AfricasTalking(String username, String apiKey, String smsSecret, Optional<String> from, URI baseUrl) {
    @Override
    public String toString() {
      return "AfricasTalking[username=" + username + ", apiKey=***, smsSecret=***, from=" + from.orElse("")
          + ", baseUrl=" + baseUrl + "]";
    }
  }

  /** Local hours from {@code start} to {@code end}, across midnight when {@code end} is earlier. */
  public record QuietHours(LocalTime start, LocalTime end) {}
}
