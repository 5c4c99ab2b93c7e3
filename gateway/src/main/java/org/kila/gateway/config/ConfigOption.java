package org.kila.gateway.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every configuration option, documented once: its environment variable, its key in the YAML file and
 * its built-in default (null when it has none).
 *
 * <p>The YAML key is the variable without {@code KILA_} in lower camel case; the {@code HTTP_}, {@code DB_},
 * {@code USSD_}, {@code TWILIO_}, {@code AT_} and {@code SMS_} prefixes become a group, so
 * {@code KILA_DB_POOL_SIZE} is {@code db: {poolSize: 8}}.
 */
public enum ConfigOption {
  HTTP_PORT("KILA_HTTP_PORT", "http.port", "8080", "TCP port the HTTP server listens on (0: any free port)."),
  HTTP_HOST("KILA_HTTP_HOST", "http.host", "0.0.0.0", "Address the HTTP server binds to."),
  PUBLIC_URL("KILA_PUBLIC_URL", "publicUrl", null,
      "Base URL of Kila as aggregators see it (for webhook signatures and callback URLs); default http://localhost:<port>."),
  DB_URL("KILA_DB_URL", "db.url", null,
      "PostgreSQL JDBC URL (jdbc:postgresql://host:5432/kila). Unset: an embedded PostgreSQL in <dataDir>/pg."),
  DB_USER("KILA_DB_USER", "db.user", null, "Database user (with KILA_DB_URL)."),
  DB_PASSWORD("KILA_DB_PASSWORD", "db.password", null, "Database password (with KILA_DB_URL). Secret."),
  DB_POOL_SIZE("KILA_DB_POOL_SIZE", "db.poolSize", "8", "Database connections (and database worker threads), 1-100."),
  DB_CONNECT_TIMEOUT("KILA_DB_CONNECT_TIMEOUT", "db.connectTimeout", "2s",
      "How long a hop waits for a database connection before the respondent gets a polite 'try again shortly'."),
  DATA_DIR("KILA_DATA_DIR", "dataDir", "./kila-data",
      "Directory for the embedded database and the generated keys file."),
  SURVEYS_DIR("KILA_SURVEYS_DIR", "surveysDir", null,
      "Directory of survey definitions (JSON) loaded and launched at start. Unset: the bundled examples."),
  USSD_LIMIT_AFRICASTALKING("KILA_USSD_LIMIT_AFRICASTALKING", "ussd.limitAfricastalking", "160",
      "Characters per USSD screen through Africa's Talking, 40-182."),
  USSD_LIMIT_HUBTEL("KILA_USSD_LIMIT_HUBTEL", "ussd.limitHubtel", "160",
      "Characters per USSD screen through Hubtel, 40-182."),
  USSD_UCS2_LIMIT("KILA_USSD_UCS2_LIMIT", "ussd.ucs2Limit", "70",
      "Characters per USSD screen when it needs characters outside GSM-7 (sent as UCS-2), 40-80."),
  RESUME_WINDOW("KILA_RESUME_WINDOW", "resumeWindow", "24h",
      "How long after a dropped USSD session the respondent may dial again and continue, 1m-30d."),
  DEFAULT_REGION("KILA_DEFAULT_REGION", "defaultRegion", "KE",
      "ISO country code used to read phone numbers written without a country code."),
  PHONE_HASH_KEY("KILA_PHONE_HASH_KEY", "phoneHashKey", null,
      "32 random bytes, base64: the key of the phone-number hash that identifies respondents. Secret. "
          + "Unset: generated once and kept in <dataDir>/keys.properties."),
  PHONE_ENCRYPTION_KEY("KILA_PHONE_ENCRYPTION_KEY", "phoneEncryptionKey", null,
      "32 random bytes, base64: the AES-256 key that encrypts stored phone numbers. Secret. "
          + "Unset: generated once and kept in <dataDir>/keys.properties."),
  MAX_BODY_BYTES("KILA_MAX_BODY_BYTES", "maxBodyBytes", "8192", "Largest webhook body accepted, 512-1048576 bytes."),
  HOP_TIMEOUT("KILA_HOP_TIMEOUT", "hopTimeout", "5s", "Longest a USSD hop may take before it is answered with an error, 100ms-60s."),
  ADMIN_EMAIL("KILA_ADMIN_EMAIL", "admin.email", null,
      "Email of the first admin, created at start when no account exists yet (with KILA_ADMIN_PASSWORD). "
          + "Unset: a one-time setup link is printed at start instead."),
  ADMIN_PASSWORD("KILA_ADMIN_PASSWORD", "admin.password", null,
      "Password of that first admin, at least 12 characters. Secret; change it on the admin page after signing in."),
  ADMIN_IDLE_TIMEOUT("KILA_ADMIN_IDLE_TIMEOUT", "admin.idleTimeout", "30m",
      "An admin page session ends after this long without a request, 1m-24h."),
  ADMIN_SESSION_LIMIT("KILA_ADMIN_SESSION_LIMIT", "admin.sessionLimit", "12h",
      "An admin page session ends this long after sign-in however busy it is, 5m-30d (not below the idle timeout)."),
  ADMIN_SIGN_IN_ATTEMPTS("KILA_ADMIN_SIGN_IN_ATTEMPTS", "admin.signInAttempts", "5",
      "Failed sign-ins allowed per account within the sign-in window before further tries get 429 "
          + "(4 times as many per client address, as an office may share one), 1-100."),
  ADMIN_SIGN_IN_WINDOW("KILA_ADMIN_SIGN_IN_WINDOW", "admin.signInWindow", "15m",
      "The window failed sign-ins are counted over, 1m-24h."),
  ADMIN_MAX_BODY_BYTES("KILA_ADMIN_MAX_BODY_BYTES", "admin.maxBodyBytes", "5242880",
      "Largest admin API request body (survey definitions, XLSForm uploads), 65536-52428800 bytes; larger ones get 413."),
  SUPPRESSION_THRESHOLD("KILA_SUPPRESSION_THRESHOLD", "suppressionThreshold", "5",
      "Smallest number of people a published count may show (tallies, participation, quotas, CSV); "
          + "smaller counts are hidden, and others with them so totals cannot reveal them, 2-100."),
  TWILIO_ACCOUNT_SID("KILA_TWILIO_ACCOUNT_SID", "twilio.accountSid", null,
      "Twilio account SID (AC followed by 32 hex digits). With the auth token and a From number, SMS goes through Twilio."),
  TWILIO_AUTH_TOKEN("KILA_TWILIO_AUTH_TOKEN", "twilio.authToken", null,
      "Twilio auth token: checks Twilio's webhook signatures and authenticates sends. Secret."),
  TWILIO_FROM("KILA_TWILIO_FROM", "twilio.from", null, "The Twilio number (E.164, e.g. +254700000100) texts are sent from."),
  TWILIO_BASE_URL("KILA_TWILIO_BASE_URL", "twilio.baseUrl", "https://api.twilio.com",
      "Where Twilio's REST API is; only tests point it elsewhere."),
  AT_USERNAME("KILA_AT_USERNAME", "at.username", null,
      "Africa's Talking app username (sandbox for the sandbox). With the API key and SMS secret, SMS goes through Africa's Talking."),
  AT_API_KEY("KILA_AT_API_KEY", "at.apiKey", null, "Africa's Talking API key. Secret."),
  AT_SMS_SECRET("KILA_AT_SMS_SECRET", "at.smsSecret", null,
      "16 or more random letters, digits, - or _: the last path segment of the Africa's Talking SMS callback URLs, "
          + "which Africa's Talking does not sign (/sms/africastalking/<secret>). Secret."),
  AT_FROM("KILA_AT_FROM", "at.from", null, "Africa's Talking short code or sender id texts are sent from. Unset: the account's default."),
  AT_BASE_URL("KILA_AT_BASE_URL", "at.baseUrl", "https://api.africastalking.com",
      "Where Africa's Talking's SMS API is (https://api.sandbox.africastalking.com for the sandbox)."),
  SMS_RATE_PER_SECOND("KILA_SMS_RATE_PER_SECOND", "sms.ratePerSecond", "5",
      "Texts sent per second per sender number by each gateway instance, 0.1-1000."),
  SMS_MAX_ATTEMPTS("KILA_SMS_MAX_ATTEMPTS", "sms.maxAttempts", "5",
      "Attempts to send a text (throttled, provider errors, timeouts) before it is given up, 1-20."),
  SMS_CONVERSATION_EXPIRY("KILA_SMS_CONVERSATION_EXPIRY", "sms.conversationExpiry", "24h",
      "How long after a respondent's last text their replies still answer the survey, 5m-30d."),
  SMS_QUIET_HOURS("KILA_SMS_QUIET_HOURS", "sms.quietHours", "21:00-07:00",
      "Local hours in which no invitation, reminder or nudge is sent (HH:MM-HH:MM), or none; "
          + "for surveys whose own sms block does not set quietHours."),
  SMS_TIME_ZONE("KILA_SMS_TIME_ZONE", "sms.timeZone", "Africa/Nairobi",
      "Time zone of the quiet hours, e.g. Africa/Lagos, Africa/Accra, Asia/Dhaka, Asia/Kathmandu; "
          + "for surveys whose sms block does not set timeZone."),
  SMS_REMINDERS("KILA_SMS_REMINDERS", "sms.reminders", "1",
      "Reminders to invited respondents who have not started, and to SMS respondents who have not finished, 0-5; "
          + "for surveys whose sms block does not set reminders."),
  SMS_REMINDER_DELAY("KILA_SMS_REMINDER_DELAY", "sms.reminderDelay", "48h",
      "Wait before each reminder, 1h-30d; for surveys whose sms block does not set reminderDelay."),
  SMS_NUDGE_SURVEYS("KILA_SMS_NUDGE_SURVEYS", "sms.nudgeSurveys", null,
      "Survey ids (comma-separated) whose dropped USSD sessions get one SMS saying how to dial back and finish "
          + "(a survey's own sms.nudge, true or false, wins)."),
  SMS_FINISH_BY_SMS("KILA_SMS_FINISH_BY_SMS", "sms.finishBySms", "true",
      "Whether texting a survey's keyword continues the respondent's dropped USSD session by SMS (true), "
          + "or texts them which code to dial to finish it (false); "
          + "for surveys whose sms block does not set finishBySms.");

  private final String envName;
  private final String yamlPath;
  private final String defaultValue;
  private final String description;

  ConfigOption(String envName, String yamlPath, String defaultValue, String description) {
    this.envName = envName;
    this.yamlPath = yamlPath;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String envName() {
    return envName;
  }

  /** Dotted path in the YAML file: {@code db.poolSize} is the key {@code poolSize} in the group {@code db}. */
  public String yamlPath() {
    return yamlPath;
  }

  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public String description() {
    return description;
  }

  public static Optional<ConfigOption> byEnvName(String envName) {
    return Arrays.stream(values()).filter(o -> o.envName.equals(envName)).findFirst();
  }

  public static Optional<ConfigOption> byYamlPath(String yamlPath) {
    return Arrays.stream(values()).filter(o -> o.yamlPath.equals(yamlPath)).findFirst();
  }
}
