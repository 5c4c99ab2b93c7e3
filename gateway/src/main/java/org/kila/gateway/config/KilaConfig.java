package org.kila.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole configuration of a Kila instance, validated: built by {@link ConfigLoader} from defaults, an
 * optional YAML file and {@code KILA_*} environment variables (see {@link ConfigOption} for each option).
 * {@link #toString()} never shows a secret.
 *
 * @param dataDir absolute; holds the embedded database ({@code pg/}) and generated keys
 * @param surveysDir empty: load the bundled example surveys
 * @param defaultRegion ISO 3166 country code, upper case, for phone numbers without a country code
 * @param sms the SMS channel: off when no provider is configured
 */
public record KilaConfig(
    Http http,
    Db db,
    Path dataDir,
    Optional<Path> surveysDir,
    Ussd ussd,
    Duration resumeWindow,
    String defaultRegion,
    PhoneKeys phoneKeys,
    int maxBodyBytes,
    Duration hopTimeout,
    SmsConfig sms) {

  /** Where the HTTP server listens, and the base URL aggregators use to reach it (no trailing slash). */
  public record Http(String host, int port, String publicUrl) {}

  /**
   * The database: a PostgreSQL server when {@code url} is present, else the embedded PostgreSQL.
   *
   * @param connectTimeout the longest wait for a connection, so a hop fails fast when the database is down
   */
  public record Db(Optional<String> url, Optional<String> user, Optional<String> password, int poolSize,
      Duration connectTimeout) {

    public boolean embedded() {
      return url.isEmpty();
    }

    /** The URL without its query string, which may carry a password: safe for logs and messages. */
    public String describe() {
      return url.map(Db::withoutQuery).orElse("embedded PostgreSQL");
    }

    static String withoutQuery(String url) {
      int q = url.indexOf('?');
      return q < 0 ? url : url.substring(0, q) + "?...";
    }

    @Override
    public String toString() {
      return "Db[url=" + describe() + ", user=" + user.orElse("") + ", password=" + (password.isPresent() ? "***" : "")
          + ", poolSize=" + poolSize + ", connectTimeout=" + DurationText.format(connectTimeout) + "]";
    }
  }

  /** USSD screen budgets in characters: per aggregator for GSM-7 screens, and one for UCS-2 screens. */
  public record Ussd(int africasTalkingLimit, int hubtelLimit, int ucs2Limit) {

    /** The GSM-7 limit for an aggregator by its adapter name ({@code africastalking}, {@code hubtel}). */
    public int limitFor(String aggregator) {
      return switch (aggregator) {
        case "africastalking" -> africasTalkingLimit;
        case "hubtel" -> hubtelLimit;
        default -> throw new IllegalArgumentException("no USSD limit configured for aggregator '" + aggregator + "'");
      };
    }
  }
}
