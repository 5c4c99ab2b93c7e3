package org.kila.gateway.config;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link KilaConfig} at boot: built-in defaults, then the optional YAML file (an explicit path,
 * or {@code KILA_CONFIG}), then {@code KILA_*} environment variables, each layer overriding the one before.
 * A blank value counts as not set. Every option is validated and all problems are thrown together.
 */
public final class ConfigLoader {
  /** Names the YAML file when no path is passed to {@link #load}. */
  public static final String CONFIG_FILE_ENV = "KILA_CONFIG";
  /** Variables that are not options of the typed configuration: the file's path, and logging (logback.xml). */
  static final java.util.Set<String> READ_ELSEWHERE = java.util.Set.of(CONFIG_FILE_ENV, "KILA_LOG_FORMAT", "KILA_LOG_LEVEL");

  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

  private ConfigLoader() {}

  /**
   * @param env the environment, usually {@code System.getenv()}
   * @param file the YAML file; when empty, {@code KILA_CONFIG} names it, and without that there is none
   * @throws ConfigException listing every bad option
   */
  public static KilaConfig load(Map<String, String> env, Optional<Path> file) {
    List<String> problems = new ArrayList<>();
    Map<ConfigOption, RawValue> raw = new EnumMap<>(ConfigOption.class);
    for (ConfigOption o : ConfigOption.values()) {
      o.defaultValue().ifPresent(d -> raw.put(o, new RawValue(d, o.envName() + " (default)")));
    }
    Optional<Path> yaml = file.or(() -> Optional.ofNullable(env.get(CONFIG_FILE_ENV)).filter(s -> !s.isBlank()).map(Path::of));
    yaml.ifPresent(path -> {
      YamlFile read = YamlFile.read(path);
      problems.addAll(read.problems());
      read.values().forEach((o, v) -> {
        if (!v.text().isBlank()) raw.put(o, v);
      });
    });
    env.forEach((name, value) -> {
      Optional<ConfigOption> option = ConfigOption.byEnvName(name);
      if (option.isPresent()) {
        if (!value.isBlank()) raw.put(option.get(), new RawValue(value, name));
      } else if (name.startsWith("KILA_") && !READ_ELSEWHERE.contains(name) && !name.startsWith("KILA_TEST_")) {
        LOG.warn("{} is not a Kila option and is ignored (misspelt?)", name);
      }
    });
    ConfigValues values = new ConfigValues(raw);
    KilaConfig.Http http = http(values);
    KilaConfig.Db db = db(values);
    Path dataDir = dataDir(values);
    Optional<Path> surveysDir = surveysDir(values);
    KilaConfig.Ussd ussd = new KilaConfig.Ussd(
        values.wholeNumber(ConfigOption.USSD_LIMIT_AFRICASTALKING, "a whole number of characters", 40, 182),
        values.wholeNumber(ConfigOption.USSD_LIMIT_HUBTEL, "a whole number of characters", 40, 182),
        values.wholeNumber(ConfigOption.USSD_UCS2_LIMIT, "a whole number of characters", 40, 80));
    Duration resumeWindow = values.duration(ConfigOption.RESUME_WINDOW, Duration.ofMinutes(1), Duration.ofDays(30));
    String region = region(values);
    Optional<byte[]> hashKey = key(values, ConfigOption.PHONE_HASH_KEY);
    Optional<byte[]> encryptionKey = key(values, ConfigOption.PHONE_ENCRYPTION_KEY);
    if (hashKey.isPresent() && encryptionKey.isPresent() && Arrays.equals(hashKey.get(), encryptionKey.get())) {
      values.problem(ConfigOption.PHONE_ENCRYPTION_KEY, "must differ from " + ConfigOption.PHONE_HASH_KEY.envName()
          + " (one key for two purposes weakens both)");
    }
    int maxBodyBytes = values.wholeNumber(ConfigOption.MAX_BODY_BYTES, "a whole number of bytes", 512, 1_048_576);
    Duration hopTimeout = values.duration(ConfigOption.HOP_TIMEOUT, Duration.ofMillis(100), Duration.ofSeconds(60));
    SmsConfig sms = SmsOptions.read(values);

    problems.addAll(values.problems());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    // Only now, with everything else valid, may the data directory be written to.
    PhoneKeys keys = KeyFile.resolve(dataDir, hashKey, encryptionKey);
    return new KilaConfig(http, db, dataDir, surveysDir, ussd, resumeWindow, region, keys, maxBodyBytes, hopTimeout, sms);
  }

  private static KilaConfig.Http http(ConfigValues values) {
    int port = values.wholeNumber(ConfigOption.HTTP_PORT, "a port number", 1, 65535);
    String host = values.text(ConfigOption.HTTP_HOST).orElseThrow();
    if (host.chars().anyMatch(Character::isWhitespace)) {
      values.problem(ConfigOption.HTTP_HOST, "must be a host name or IP address, got '" + host + "'");
    }
    String publicUrl = values.text(ConfigOption.PUBLIC_URL).orElse("http://localhost:" + port);
    if (!isHttpUrl(publicUrl)) {
      values.problem(ConfigOption.PUBLIC_URL,
          "must be an absolute http(s) URL such as https://kila.example.org, got '" + publicUrl + "'");
    }
    return new KilaConfig.Http(host, port, publicUrl.replaceAll("/+$", ""));
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static KilaConfig.Db db(ConfigValues values) {
    Optional<String> url = values.text(ConfigOption.DB_URL);
    if (url.isPresent() && !url.get().startsWith("jdbc:postgresql:")) {
      values.problem(ConfigOption.DB_URL, "must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/kila,"
          + " got '" + KilaConfig.Db.withoutQuery(url.get()) + "'");
    }
    int poolSize = values.wholeNumber(ConfigOption.DB_POOL_SIZE, "a whole number", 1, 100);
    // HikariCP refuses waits under 250 ms; past a minute a respondent's session is long gone.
    Duration timeout = values.duration(ConfigOption.DB_CONNECT_TIMEOUT, Duration.ofMillis(250), Duration.ofSeconds(60));
    return new KilaConfig.Db(url, values.text(ConfigOption.DB_USER), values.text(ConfigOption.DB_PASSWORD), poolSize, timeout);
  }

  private static Path dataDir(ConfigValues values) {
    String text = values.text(ConfigOption.DATA_DIR).orElseThrow();
    try {
      Path dir = Path.of(text).toAbsolutePath().normalize();
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        values.problem(ConfigOption.DATA_DIR, "must be a directory, but '" + text + "' is a file");
      }
      return dir;
    } catch (InvalidPathException e) {
      values.problem(ConfigOption.DATA_DIR, "must be a directory path, got '" + text + "'");
      return Path.of(".");
    }
  }

  private static Optional<Path> surveysDir(ConfigValues values) {
    Optional<String> text = values.text(ConfigOption.SURVEYS_DIR);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path dir = Path.of(text.get()).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        values.problem(ConfigOption.SURVEYS_DIR, "must be an existing directory of survey definitions, got '" + text.get() + "'");
      }
      return Optional.of(dir);
    } catch (InvalidPathException e) {
      values.problem(ConfigOption.SURVEYS_DIR, "must be a directory path, got '" + text.get() + "'");
      return Optional.empty();
    }
  }

  private static String region(ConfigValues values) {
    String text = values.text(ConfigOption.DEFAULT_REGION).orElseThrow();
    String region = text.toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      values.problem(ConfigOption.DEFAULT_REGION,
          "must be a two-letter country code such as KE, NG, GH, BD or NP, got '" + text + "'");
    }
    return region;
  }

  private static Optional<byte[]> key(ConfigValues values, ConfigOption option) {
    Optional<String> text = values.text(option);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> key = KeyFile.decode(text.get());
    if (key.isEmpty()) {
      // Never quote the value: it is a secret even when malformed.
      values.problem(option, "must be " + PhoneKeys.KEY_BYTES + " random bytes in base64 (for example from "
          + "'openssl rand -base64 32'), got " + describeBadKey(text.get()));
    }
    return key;
  }

  private static String describeBadKey(String text) {
    try {
      return Base64.getDecoder().decode(text).length + " bytes";
    } catch (IllegalArgumentException e) {
      return "text that is not base64";
    }
  }
}
