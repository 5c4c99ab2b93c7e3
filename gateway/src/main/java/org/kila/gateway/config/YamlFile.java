package org.kila.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the optional YAML configuration file into raw option values. Groups ({@code http}, {@code db},
 * {@code ussd}) are one level of nesting; anything else that is not a known option is reported, so a
 * misspelt key is not silently ignored.
 */
final class YamlFile {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final Map<ConfigOption, RawValue> values = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private YamlFile() {}

  static YamlFile read(Path file) {
    YamlFile result = new YamlFile();
    if (!Files.isRegularFile(file)) {
      result.problems.add("configuration file " + file + ": no such file");
      return result;
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JacksonException e) {
      result.problems.add("configuration file " + file + ": not valid YAML: " + e.getOriginalMessage()
          + Optional.ofNullable(e.getLocation()).map(l -> " (line " + l.getLineNr() + ")").orElse(""));
      return result;
    } catch (IOException e) {
      result.problems.add("configuration file " + file + ": cannot be read: " + e.getMessage());
      return result;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return result; // an empty file sets nothing
    }
    if (!root.isObject()) {
      result.problems.add("configuration file " + file + ": must be a map of options, such as 'http: {port: 8080}'");
      return result;
    }
    root.fields().forEachRemaining(e -> result.take(file, e.getKey(), e.getValue()));
    return result;
  }

  private void take(Path file, String path, JsonNode node) {
    if (node.isNull()) {
      return;
    }
    if (node.isObject() && !path.contains(".")) {
      node.fields().forEachRemaining(e -> take(file, path + "." + e.getKey(), e.getValue()));
      return;
    }
    Optional<ConfigOption> option = ConfigOption.byYamlPath(path);
    if (option.isEmpty()) {
      problems.add(path + " in " + file + ": not a Kila option (see the configuration table in README.md)");
    } else if (!node.isValueNode()) {
      problems.add(path + " in " + file + ": must be a single value, not a list or a map");
    } else {
      ConfigOption o = option.get();
      values.put(o, new RawValue(node.asText(), path + " (" + o.envName() + ") in " + file));
    }
  }

  Map<ConfigOption, RawValue> values() {
    return values;
  }

  List<String> problems() {
    return problems;
  }
}
