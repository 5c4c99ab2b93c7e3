package org.kila.gateway.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  @TempDir Path dir;

  KilaConfig load(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("KILA_DATA_DIR", dir.resolve("data").toString()));
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return ConfigLoader.load(env, Optional.empty());
  }

  @Test
  void absentKeysAreGeneratedOnceAndKeptOwnerOnly() throws IOException {
    KilaConfig first = load();
    Path file = dir.resolve("data/keys.properties");
    assertTrue(Files.exists(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertFalse(Arrays.equals(first.phoneKeys().hashKey(), first.phoneKeys().encryptionKey()));

    KilaConfig second = load();
    assertEquals(first.phoneKeys(), second.phoneKeys(), "the next start reuses the kept keys");
  }

  @Test
  void anotherDataDirectoryGetsOtherKeys() {
    KilaConfig one = load();
    KilaConfig other = ConfigLoader.load(Map.of("KILA_DATA_DIR", dir.resolve("other").toString()), Optional.empty());
    assertNotEquals(one.phoneKeys(), other.phoneKeys());
  }

  @Test
  void configuredKeysAreUsedAndNeverWrittenToDisk() throws IOException {
    String hash = Base64.getEncoder().encodeToString(ConfigLoaderTest.bytes(32, 5));
    KilaConfig c = load("KILA_PHONE_HASH_KEY", hash);
    assertArrayEquals(ConfigLoaderTest.bytes(32, 5), c.phoneKeys().hashKey());
    String kept = Files.readString(dir.resolve("data/keys.properties"));
    assertFalse(kept.contains("phoneHashKey"), kept);
    assertTrue(kept.contains("phoneEncryptionKey"), kept);
  }

  @Test
  void withBothKeysConfiguredNoFileIsWritten() {
    load("KILA_PHONE_HASH_KEY", ConfigLoaderTest.HASH_KEY, "KILA_PHONE_ENCRYPTION_KEY", ConfigLoaderTest.ENCRYPTION_KEY);
    assertFalse(Files.exists(dir.resolve("data/keys.properties")));
  }

  @Test
  void aDamagedKeyFileStopsTheStartRatherThanMintingNewKeys() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Path file = Files.writeString(dir.resolve("data/keys.properties"), "phoneHashKey=dG9vIHNob3J0\n");
    ConfigException e = assertThrows(ConfigException.class, this::load);
    assertEquals(List.of(file.toAbsolutePath() + ": phoneHashKey must be 32 bytes in base64; restore the file from a backup "
        + "(a new key would make earlier respondents unrecognisable)"), e.problems());
    assertEquals("phoneHashKey=dG9vIHNob3J0\n", Files.readString(file), "left as it was");
  }

  @Test
  void anInvalidConfigurationWritesNothing() {
    assertThrows(ConfigException.class, () -> load("KILA_HTTP_PORT", "x"));
    assertFalse(Files.exists(dir.resolve("data")));
  }
}
