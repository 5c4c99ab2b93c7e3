package org.kila.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone keys of an instance whose operator did not set them: generated once, kept in
 * {@code <dataDir>/keys.properties} readable by the owner only, and reused on every later start, because
 * a new hash key would make every known respondent a stranger and a new encryption key would make every
 * stored number unreadable. Keys set in the configuration are used as they are and never written here.
 */
final class KeyFile {
  static final String FILE_NAME = "keys.properties";
  static final String HASH_KEY = "phoneHashKey";
  static final String ENCRYPTION_KEY = "phoneEncryptionKey";

  private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFile() {}

  static PhoneKeys resolve(Path dataDir, Optional<byte[]> configuredHashKey, Optional<byte[]> configuredEncryptionKey) {
    if (configuredHashKey.isPresent() && configuredEncryptionKey.isPresent()) {
      return new PhoneKeys(configuredHashKey.get(), configuredEncryptionKey.get());
    }
    Path file = dataDir.resolve(FILE_NAME);
    Properties stored = load(file);
    List<String> problems = new ArrayList<>();
    List<String> generated = new ArrayList<>();
    byte[] hashKey = configuredHashKey.orElseGet(() -> storedOrNew(stored, HASH_KEY, file, problems, generated));
    byte[] encryptionKey =
        configuredEncryptionKey.orElseGet(() -> storedOrNew(stored, ENCRYPTION_KEY, file, problems, generated));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    if (!generated.isEmpty()) {
      save(file, stored);
    }
    LOG.warn("{} not set: using the key(s) kept in {}{}. Production should set {} and {} (32 random bytes, base64) "
            + "and keep a copy safe: without them respondents cannot be recognised and stored numbers cannot be read.",
        missingNames(configuredHashKey, configuredEncryptionKey), file,
        generated.isEmpty() ? "" : " (generated now: " + String.join(", ", generated) + ")",
        ConfigOption.PHONE_HASH_KEY.envName(), ConfigOption.PHONE_ENCRYPTION_KEY.envName());
    return new PhoneKeys(hashKey, encryptionKey);
  }

  private static String missingNames(Optional<byte[]> hashKey, Optional<byte[]> encryptionKey) {
    List<String> names = new ArrayList<>();
    if (hashKey.isEmpty()) names.add(ConfigOption.PHONE_HASH_KEY.envName());
    if (encryptionKey.isEmpty()) names.add(ConfigOption.PHONE_ENCRYPTION_KEY.envName());
    return String.join(" and ", names);
  }

  private static byte[] storedOrNew(Properties stored, String name, Path file, List<String> problems,
      List<String> generated) {
    String text = stored.getProperty(name);
    if (text == null) {
      byte[] key = new byte[PhoneKeys.KEY_BYTES];
      RANDOM.nextBytes(key);
      stored.setProperty(name, Base64.getEncoder().encodeToString(key));
      generated.add(name);
      return key;
    }
    Optional<byte[]> key = decode(text);
    if (key.isEmpty()) {
      problems.add(file + ": " + name + " must be " + PhoneKeys.KEY_BYTES + " bytes in base64; restore the file from "
          + "a backup (a new key would make earlier respondents unrecognisable)");
      return new byte[PhoneKeys.KEY_BYTES];
    }
    return key.get();
  }

  /** A 32-byte key from its base64 text, or empty when the text is not that. */
  static Optional<byte[]> decode(String text) {
    try {
      byte[] key = Base64.getDecoder().decode(text.trim());
      return key.length == PhoneKeys.KEY_BYTES ? Optional.of(key) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new ConfigException(List.of(file + ": cannot be read: " + e.getMessage()));
      }
    }
    return p;
  }

  /** Writes a temporary owner-only file and moves it into place, so a crash never leaves half a key file. */
  private static void save(Path file, Properties keys) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
      Files.deleteIfExists(tmp);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(tmp);
      }
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        keys.store(out, "Kila phone keys, generated because none were configured. Keep this file secret and backed up.");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot write the generated keys: " + e.getMessage()));
    }
  }
}
