package org.kila.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the SMS options into an {@link SmsConfig}, recording every problem on {@code values}. */
final class SmsOptions {
  private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,200}");
  private static final Pattern QUIET = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

  private SmsOptions() {}

  static SmsConfig read(ConfigValues values) {
    double rate = decimal(values, ConfigOption.SMS_RATE_PER_SECOND, 0.1, 1000);
    int attempts = values.wholeNumber(ConfigOption.SMS_MAX_ATTEMPTS, "a whole number", 1, 20);
    Duration expiry = values.duration(ConfigOption.SMS_CONVERSATION_EXPIRY, Duration.ofMinutes(5), Duration.ofDays(30));
    int reminders = values.wholeNumber(ConfigOption.SMS_REMINDERS, "a whole number", 0, 5);
    Duration reminderDelay = values.duration(ConfigOption.SMS_REMINDER_DELAY, Duration.ofHours(1), Duration.ofDays(30));
    // The base URLs have defaults and are checked even when their provider is off, so a typo shows at once.
    URI twilioBase = url(values, ConfigOption.TWILIO_BASE_URL);
    URI atBase = url(values, ConfigOption.AT_BASE_URL);
    return new SmsConfig(twilio(values, twilioBase), africasTalking(values, atBase), rate, attempts, expiry, quietHours(values),
        timeZone(values), reminders, reminderDelay, nudgeSurveys(values), values.yesNo(ConfigOption.SMS_FINISH_BY_SMS));
  }

  private static Optional<SmsConfig.Twilio> twilio(ConfigValues values, URI baseUrl) {
    List<ConfigOption> parts = List.of(ConfigOption.TWILIO_ACCOUNT_SID, ConfigOption.TWILIO_AUTH_TOKEN, ConfigOption.TWILIO_FROM);
    if (!allOrNone(values, parts, "Twilio")) {
      return Optional.empty();
    }
    String sid = values.text(ConfigOption.TWILIO_ACCOUNT_SID).orElseThrow();
    if (!ACCOUNT_SID.matcher(sid).matches()) {
      values.problem(ConfigOption.TWILIO_ACCOUNT_SID, "must be AC followed by 32 hexadecimal digits, got '" + sid + "'");
    }
    return Optional.of(new SmsConfig.Twilio(sid, values.text(ConfigOption.TWILIO_AUTH_TOKEN).orElseThrow(),
        values.text(ConfigOption.TWILIO_FROM).orElseThrow(), baseUrl));
  }

  private static Optional<SmsConfig.AfricasTalking> africasTalking(ConfigValues values, URI baseUrl) {
    List<ConfigOption> parts = List.of(ConfigOption.AT_USERNAME, ConfigOption.AT_API_KEY, ConfigOption.AT_SMS_SECRET);
    if (!allOrNone(values, parts, "Africa's Talking")) {
      return Optional.empty();
    }
    String secret = values.text(ConfigOption.AT_SMS_SECRET).orElseThrow();
    if (!SECRET.matcher(secret).matches()) {
      // Never quote the secret, even a malformed one.
      values.problem(ConfigOption.AT_SMS_SECRET, "must be 16 or more letters, digits, '-' or '_' (it is a URL path segment),"
          + " got " + secret.length() + " characters" + (secret.length() >= 16 ? " with others among them" : ""));
    }
    return Optional.of(new SmsConfig.AfricasTalking(values.text(ConfigOption.AT_USERNAME).orElseThrow(),
        values.text(ConfigOption.AT_API_KEY).orElseThrow(), secret, values.text(ConfigOption.AT_FROM),
        baseUrl));
  }

  /** True when every one of {@code parts} is set; a problem (and false) when only some are. */
  private static boolean allOrNone(ConfigValues values, List<ConfigOption> parts, String provider) {
    List<String> missing = new ArrayList<>();
    for (ConfigOption part : parts) {
      if (values.text(part).isEmpty()) {
        missing.add(part.envName());
      }
    }
    if (missing.isEmpty()) {
      return true;
    }
    if (missing.size() < parts.size()) {
      ConfigOption set = parts.stream().filter(p -> values.text(p).isPresent()).findFirst().orElseThrow();
      values.problem(set, "SMS through " + provider + " also needs " + String.join(" and ", missing));
    }
    return false;
  }

  private static URI url(ConfigValues values, ConfigOption option) {
    String text = values.text(option).orElseThrow();
    try {
      URI uri = new URI(text);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    values.problem(option, "must be an absolute http(s) URL, got '" + text + "'");
    return URI.create("http://localhost");
  }

  private static double decimal(ConfigValues values, ConfigOption option, double min, double max) {
    String text = values.text(option).orElseThrow();
    try {
      double d = Double.parseDouble(text);
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    values.problem(option, "must be a number " + min + "-" + (int) max + ", got '" + text + "'");
    return min;
  }

  private static Optional<SmsConfig.QuietHours> quietHours(ConfigValues values) {
    String text = values.text(ConfigOption.SMS_QUIET_HOURS).orElseThrow();
    if (text.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    var m = QUIET.matcher(text);
    if (m.matches()) {
      try {
        LocalTime start = LocalTime.parse(m.group(1));
        LocalTime end = LocalTime.parse(m.group(2));
        if (!start.equals(end)) {
          return Optional.of(new SmsConfig.QuietHours(start, end));
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    values.problem(ConfigOption.SMS_QUIET_HOURS, "must be two different times HH:MM-HH:MM such as 21:00-07:00, or none, got '" + text + "'");
    return Optional.empty();
  }

  private static ZoneId timeZone(ConfigValues values) {
    String text = values.text(ConfigOption.SMS_TIME_ZONE).orElseThrow();
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      values.problem(ConfigOption.SMS_TIME_ZONE, "must be a time zone such as Africa/Nairobi or Asia/Dhaka, got '" + text + "'");
      return ZoneOffset.UTC;
    }
  }

  private static Set<String> nudgeSurveys(ConfigValues values) {
    Set<String> ids = new LinkedHashSet<>();
    values.text(ConfigOption.SMS_NUDGE_SURVEYS).ifPresent(text ->
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add));
    return ids;
  }
}
