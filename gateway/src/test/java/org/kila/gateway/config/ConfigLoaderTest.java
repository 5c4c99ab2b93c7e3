package org.kila.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  static final String HASH_KEY = Base64.getEncoder().encodeToString(bytes(32, 1));
  static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(bytes(32, 2));

  @TempDir Path dir;

  /** An environment with its own data directory and both keys, so no test writes outside its temp dir. */
  Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("KILA_DATA_DIR", dir.resolve("data").toString());
    env.put("KILA_PHONE_HASH_KEY", HASH_KEY);
    env.put("KILA_PHONE_ENCRYPTION_KEY", ENCRYPTION_KEY);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void defaultsGiveAWorkingConfiguration() {
    KilaConfig c = ConfigLoader.load(env(), Optional.empty());
    assertEquals(8080, c.http().port());
    assertEquals("0.0.0.0", c.http().host());
    assertEquals("http://localhost:8080", c.http().publicUrl());
    assertTrue(c.db().embedded());
    assertEquals(8, c.db().poolSize());
    assertEquals(Duration.ofSeconds(2), c.db().connectTimeout());
    assertEquals(Optional.empty(), c.surveysDir());
    assertEquals(new KilaConfig.Ussd(160, 160, 70), c.ussd());
    assertEquals(Duration.ofHours(24), c.resumeWindow());
    assertEquals("KE", c.defaultRegion());
    assertEquals(8192, c.maxBodyBytes());
    assertEquals(Duration.ofSeconds(5), c.hopTimeout());
    assertEquals(dir.resolve("data").toAbsolutePath(), c.dataDir());
  }

  @Test
  void theDefaultPublicUrlFollowsThePort() {
    assertEquals("http://localhost:9000", ConfigLoader.load(env("KILA_HTTP_PORT", "9000"), Optional.empty()).http().publicUrl());
  }

  @Test
  void everyOptionIsReadFromTheEnvironment() throws IOException {
    Path surveys = Files.createDirectories(dir.resolve("surveys"));
    KilaConfig c = ConfigLoader.load(env(
        "KILA_HTTP_PORT", "9090", "KILA_HTTP_HOST", "127.0.0.1", "KILA_PUBLIC_URL", "https://kila.example.org/",
        "KILA_DB_URL", "jdbc:postgresql://db:5432/kila", "KILA_DB_USER", "kila", "KILA_DB_PASSWORD", "s3cret",
        "KILA_DB_POOL_SIZE", "4", "KILA_DB_CONNECT_TIMEOUT", "500ms", "KILA_SURVEYS_DIR", surveys.toString(),
        "KILA_USSD_LIMIT_AFRICASTALKING", "182", "KILA_USSD_LIMIT_HUBTEL", "120", "KILA_USSD_UCS2_LIMIT", "60",
        "KILA_RESUME_WINDOW", "15m", "KILA_DEFAULT_REGION", "ng", "KILA_MAX_BODY_BYTES", "4096",
        "KILA_HOP_TIMEOUT", "PT3S"), Optional.empty());
    assertEquals(new KilaConfig.Http("127.0.0.1", 9090, "https://kila.example.org"), c.http());
    assertEquals(Optional.of("jdbc:postgresql://db:5432/kila"), c.db().url());
    assertEquals(Optional.of("kila"), c.db().user());
    assertEquals(Optional.of("s3cret"), c.db().password());
    assertEquals(4, c.db().poolSize());
    assertEquals(Duration.ofMillis(500), c.db().connectTimeout());
    assertEquals(Optional.of(surveys.toAbsolutePath()), c.surveysDir());
    assertEquals(182, c.ussd().limitFor("africastalking"));
    assertEquals(120, c.ussd().limitFor("hubtel"));
    assertEquals(60, c.ussd().ucs2Limit());
    assertEquals(Duration.ofMinutes(15), c.resumeWindow());
    assertEquals("NG", c.defaultRegion());
    assertEquals(4096, c.maxBodyBytes());
    assertEquals(Duration.ofSeconds(3), c.hopTimeout());
    assertEquals(new PhoneKeys(bytes(32, 1), bytes(32, 2)), c.phoneKeys());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "KILA_HTTP_PORT|abc|KILA_HTTP_PORT: must be a port number 0-65535, got 'abc'",
      "KILA_HTTP_PORT|70000|KILA_HTTP_PORT: must be a port number 0-65535, got '70000'",
      "KILA_HTTP_PORT|-1|KILA_HTTP_PORT: must be a port number 0-65535, got '-1'",
      "KILA_HTTP_HOST|local host|KILA_HTTP_HOST: must be a host name or IP address, got 'local host'",
      "KILA_PUBLIC_URL|kila.example.org|KILA_PUBLIC_URL: must be an absolute http(s) URL such as https://kila.example.org, got 'kila.example.org'",
      "KILA_PUBLIC_URL|ftp://kila.example.org|KILA_PUBLIC_URL: must be an absolute http(s) URL such as https://kila.example.org, got 'ftp://kila.example.org'",
      "KILA_DB_URL|jdbc:mysql://db/kila?password=hunter2|KILA_DB_URL: must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/kila, got 'jdbc:mysql://db/kila?...'",
      "KILA_DB_POOL_SIZE|0|KILA_DB_POOL_SIZE: must be a whole number 1-100, got '0'",
      "KILA_DB_POOL_SIZE|eight|KILA_DB_POOL_SIZE: must be a whole number 1-100, got 'eight'",
      "KILA_DB_CONNECT_TIMEOUT|100ms|KILA_DB_CONNECT_TIMEOUT: must be a duration between 250ms and 1m such as 90s, 15m, 24h or PT2S, got '100ms'",
      "KILA_DB_CONNECT_TIMEOUT|2 seconds|KILA_DB_CONNECT_TIMEOUT: must be a duration between 250ms and 1m such as 90s, 15m, 24h or PT2S, got '2 seconds'",
      "KILA_SURVEYS_DIR|/no/such/dir|KILA_SURVEYS_DIR: must be an existing directory of survey definitions, got '/no/such/dir'",
      "KILA_USSD_LIMIT_AFRICASTALKING|200|KILA_USSD_LIMIT_AFRICASTALKING: must be a whole number of characters 40-182, got '200'",
      "KILA_USSD_LIMIT_HUBTEL|39|KILA_USSD_LIMIT_HUBTEL: must be a whole number of characters 40-182, got '39'",
      "KILA_USSD_UCS2_LIMIT|90|KILA_USSD_UCS2_LIMIT: must be a whole number of characters 40-80, got '90'",
      "KILA_RESUME_WINDOW|forever|KILA_RESUME_WINDOW: must be a duration between 1m and 30d such as 90s, 15m, 24h or PT2S, got 'forever'",
      "KILA_RESUME_WINDOW|31d|KILA_RESUME_WINDOW: must be a duration between 1m and 30d such as 90s, 15m, 24h or PT2S, got '31d'",
      "KILA_DEFAULT_REGION|XX|KILA_DEFAULT_REGION: must be a two-letter country code such as KE, NG, GH, BD or NP, got 'XX'",
      "KILA_PHONE_HASH_KEY|c2hvcnQ=|KILA_PHONE_HASH_KEY: must be 32 random bytes in base64 (for example from 'openssl rand -base64 32'), got 5 bytes",
      "KILA_PHONE_ENCRYPTION_KEY|not base64!|KILA_PHONE_ENCRYPTION_KEY: must be 32 random bytes in base64 (for example from 'openssl rand -base64 32'), got text that is not base64",
      "KILA_MAX_BODY_BYTES|100|KILA_MAX_BODY_BYTES: must be a whole number of bytes 512-1048576, got '100'",
      "KILA_HOP_TIMEOUT|2m|KILA_HOP_TIMEOUT: must be a duration between 100ms and 1m such as 90s, 15m, 24h or PT2S, got '2m'",
      "KILA_ADMIN_IDLE_TIMEOUT|2d|KILA_ADMIN_IDLE_TIMEOUT: must be a duration between 1m and 1d such as 90s, 15m, 24h or PT2S, got '2d'",
      "KILA_ADMIN_SESSION_LIMIT|1m|KILA_ADMIN_SESSION_LIMIT: must be a duration between 5m and 30d such as 90s, 15m, 24h or PT2S, got '1m'",
      "KILA_ADMIN_SESSION_LIMIT|20m|KILA_ADMIN_SESSION_LIMIT: must not be shorter than KILA_ADMIN_IDLE_TIMEOUT (30m)",
      "KILA_ADMIN_SIGN_IN_ATTEMPTS|0|KILA_ADMIN_SIGN_IN_ATTEMPTS: must be a whole number 1-100, got '0'",
      "KILA_ADMIN_SIGN_IN_WINDOW|30s|KILA_ADMIN_SIGN_IN_WINDOW: must be a duration between 1m and 1d such as 90s, 15m, 24h or PT2S, got '30s'",
      "KILA_ADMIN_MAX_BODY_BYTES|1000|KILA_ADMIN_MAX_BODY_BYTES: must be a whole number of bytes 65536-52428800, got '1000'",
      "KILA_SUPPRESSION_THRESHOLD|1|KILA_SUPPRESSION_THRESHOLD: must be a whole number of people 2-100, got '1'",
      "KILA_ADMIN_EMAIL|admin@example.org|KILA_ADMIN_PASSWORD: must be set together with KILA_ADMIN_EMAIL (the first admin needs both an email and a password)",
      "KILA_ADMIN_PASSWORD|a long password|KILA_ADMIN_EMAIL: must be set together with KILA_ADMIN_PASSWORD (the first admin needs both an email and a password)",
  })
  void eachBadValueIsNamedWithWhatIsExpected(String name, String value, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(name, value), Optional.empty()));
    assertEquals(List.of(message), e.problems());
  }

  @Test
  void theAdminOptionsHaveSafeDefaults() {
    KilaConfig.Admin admin = ConfigLoader.load(env(), Optional.empty()).admin();
    assertEquals(Optional.empty(), admin.email());
    assertEquals(Optional.empty(), admin.password());
    assertEquals(Duration.ofMinutes(30), admin.idleTimeout());
    assertEquals(Duration.ofHours(12), admin.sessionLimit());
    assertEquals(5, admin.signInAttempts());
    assertEquals(Duration.ofMinutes(15), admin.signInWindow());
    assertEquals(5_242_880, admin.maxBodyBytes());
    assertEquals(5, admin.suppressionThreshold());
  }

  @Test
  void theAdminOptionsAreReadFromTheEnvironment() {
    KilaConfig.Admin admin = ConfigLoader.load(env("KILA_ADMIN_EMAIL", " Amina@NGO.example ", "KILA_ADMIN_PASSWORD",
        "twelve chars", "KILA_ADMIN_IDLE_TIMEOUT", "10m", "KILA_ADMIN_SESSION_LIMIT", "8h", "KILA_ADMIN_SIGN_IN_ATTEMPTS",
        "3", "KILA_ADMIN_SIGN_IN_WINDOW", "1h", "KILA_ADMIN_MAX_BODY_BYTES", "65536", "KILA_SUPPRESSION_THRESHOLD", "11"),
        Optional.empty()).admin();
    assertEquals(Optional.of("amina@ngo.example"), admin.email(), "stored as every account's email is: trimmed, lower case");
    assertEquals(Optional.of("twelve chars"), admin.password());
    assertEquals(Duration.ofMinutes(10), admin.idleTimeout());
    assertEquals(Duration.ofHours(8), admin.sessionLimit());
    assertEquals(3, admin.signInAttempts());
    assertEquals(Duration.ofHours(1), admin.signInWindow());
    assertEquals(65_536, admin.maxBodyBytes());
    assertEquals(11, admin.suppressionThreshold());
    assertFalse(admin.toString().contains("twelve chars"), "the password never shows: " + admin);
  }

  @Test
  void aShortOrMalformedFirstAdminIsRefusedWithoutQuotingThePassword() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        env("KILA_ADMIN_EMAIL", "not an email", "KILA_ADMIN_PASSWORD", "short1"), Optional.empty()));
    assertEquals(List.of("KILA_ADMIN_EMAIL: must be an email address such as admin@example.org, got 'not an email'",
        "KILA_ADMIN_PASSWORD: must be at least 12 characters long, got 6"), e.problems());
    assertFalse(e.getMessage().contains("short1"));
  }

  @Test
  void portZeroPicksAFreePort() {
    assertEquals(0, ConfigLoader.load(env("KILA_HTTP_PORT", "0"), Optional.empty()).http().port());
  }

  @Test
  void theSameKeyForBothPurposesIsRefused() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(env("KILA_PHONE_ENCRYPTION_KEY", HASH_KEY), Optional.empty()));
    assertEquals(List.of("KILA_PHONE_ENCRYPTION_KEY: must differ from KILA_PHONE_HASH_KEY (one key for two purposes weakens both)"),
        e.problems());
  }

  @Test
  void aDataDirThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(env("KILA_DATA_DIR", file.toString()), Optional.empty()));
    assertEquals(List.of("KILA_DATA_DIR: must be a directory, but '" + file + "' is a file"), e.problems());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        env("KILA_HTTP_PORT", "abc", "KILA_DB_POOL_SIZE", "-1", "KILA_RESUME_WINDOW", "soon", "KILA_PHONE_HASH_KEY", "x"),
        Optional.empty()));
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid configuration:\n  - "), e.getMessage());
  }

  @Test
  void aBadKeyIsNeverQuotedInTheMessage() {
    String secretish = Base64.getEncoder().encodeToString(bytes(31, 7));
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(env("KILA_PHONE_HASH_KEY", secretish), Optional.empty()));
    assertFalse(e.getMessage().contains(secretish), e.getMessage());
  }

  @Test
  void blankValuesCountAsUnset() {
    KilaConfig c = ConfigLoader.load(env("KILA_DB_URL", "", "KILA_HTTP_PORT", "  "), Optional.empty());
    assertTrue(c.db().embedded());
    assertEquals(8080, c.http().port());
  }

  @Test
  void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws IOException {
    Path yaml = Files.writeString(dir.resolve("kila.yaml"), """
        http:
          port: 9000
          host: 127.0.0.1
        db:
          poolSize: 3
        resumeWindow: 2h
        """);
    KilaConfig c = ConfigLoader.load(env("KILA_HTTP_PORT", "9100"), Optional.of(yaml));
    assertEquals(9100, c.http().port(), "environment beats file");
    assertEquals("127.0.0.1", c.http().host(), "file beats default");
    assertEquals(3, c.db().poolSize(), "file beats default");
    assertEquals(Duration.ofHours(2), c.resumeWindow(), "file beats default");
    assertEquals(Duration.ofSeconds(5), c.hopTimeout(), "default when neither sets it");
  }

  @Test
  void kilaConfigNamesTheFileWhenNoPathIsGiven() throws IOException {
    Path yaml = Files.writeString(dir.resolve("kila.yaml"), "defaultRegion: GH\n");
    KilaConfig c = ConfigLoader.load(env("KILA_CONFIG", yaml.toString()), Optional.empty());
    assertEquals("GH", c.defaultRegion());
  }

  @Test
  void aBadValueInTheFileIsNamedByItsKeyAndFile() throws IOException {
    Path yaml = Files.writeString(dir.resolve("kila.yaml"), "db:\n  poolSize: lots\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(), Optional.of(yaml)));
    assertEquals(List.of("db.poolSize (KILA_DB_POOL_SIZE) in " + yaml + ": must be a whole number 1-100, got 'lots'"),
        e.problems());
  }

  @Test
  void unknownKeysInTheFileAreReported() throws IOException {
    Path yaml = Files.writeString(dir.resolve("kila.yaml"), "http:\n  prot: 9000\nresumeWindw: 2h\nussd: [1, 2]\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(), Optional.of(yaml)));
    assertEquals(List.of(
        "http.prot in " + yaml + ": not a Kila option (see the configuration table in README.md)",
        "resumeWindw in " + yaml + ": not a Kila option (see the configuration table in README.md)",
        "ussd in " + yaml + ": not a Kila option (see the configuration table in README.md)"), e.problems());
  }

  @Test
  void aMissingOrBrokenFileIsReported() throws IOException {
    Path missing = dir.resolve("nope.yaml");
    ConfigException e1 = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(), Optional.of(missing)));
    assertEquals(List.of("configuration file " + missing + ": no such file"), e1.problems());

    Path broken = Files.writeString(dir.resolve("broken.yaml"), "http:\n  port: [9000\n");
    ConfigException e2 = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(), Optional.of(broken)));
    assertTrue(e2.problems().get(0).startsWith("configuration file " + broken + ": not valid YAML"), e2.getMessage());
  }

  @Test
  void toStringShowsNoSecret() {
    KilaConfig c = ConfigLoader.load(env("KILA_DB_URL", "jdbc:postgresql://db/kila?password=hunter2",
        "KILA_DB_PASSWORD", "s3cret"), Optional.empty());
    String text = c.toString();
    for (String secret : new String[] {"hunter2", "s3cret", HASH_KEY, ENCRYPTION_KEY}) {
      assertFalse(text.contains(secret), "leaks " + secret + ": " + text);
    }
    assertTrue(text.contains("jdbc:postgresql://db/kila"), text);
  }

  static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) fill);
    return b;
  }
}
