package org.kila.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option is documented once in {@link ConfigOption}; the README's table and the example YAML file
 * an operator copies must keep up with it, and the example must load as it is.
 */
class DocumentedOptionsTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theReadmeTableNamesEveryOption() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    for (ConfigOption option : ConfigOption.values()) {
      assertTrue(readme.contains("| `" + option.envName() + "` | `" + option.yamlPath() + "` |"),
          "README.md configuration table lacks " + option.envName());
    }
  }

  @Test
  void theExampleFileMentionsEveryOptionAndLoads(@TempDir Path dataDir) throws IOException {
    Path example = ROOT.resolve("ops/kila.example.yaml");
    String text = Files.readString(example);
    for (ConfigOption option : ConfigOption.values()) {
      String key = option.yamlPath().substring(option.yamlPath().lastIndexOf('.') + 1);
      assertTrue(text.contains(key + ":"), "ops/kila.example.yaml lacks " + option.yamlPath());
    }
    Map<String, String> env = new HashMap<>();
    env.put("KILA_DATA_DIR", dataDir.toString());
    KilaConfig config = ConfigLoader.load(env, Optional.of(example));
    assertEquals(8080, config.http().port());
    assertEquals(160, config.ussd().africasTalkingLimit());
  }
}
