package org.kila.gateway.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kila.gateway.config.ConfigException;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.config.KilaConfig;

/**
 * The arguments every command that reads Kila's configuration shares: {@code --help}, {@code --config
 * FILE} and positional arguments, plus the command's own options that take a value; and the loading of
 * the configuration with its errors printed.
 *
 * @param options the command's own options given, by name ({@code --version}), with their values as typed
 * @param unknownOption an option the command does not have, or one of its own given without a value
 */
record ConfiguredCommand(boolean help, Optional<Path> configFile, List<String> positional, Map<String, String> options,
    String unknownOption) {

  static ConfiguredCommand parse(List<String> args) {
    return parse(args, Set.of());
  }

  /** {@code valueOptions}: the command's own options, each followed by a value ({@code --version 2}). */
  static ConfiguredCommand parse(List<String> args, Set<String> valueOptions) {
    Optional<Path> file = Optional.empty();
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        return new ConfiguredCommand(true, file, positional, Map.copyOf(options), null);
      } else if (a.equals("--config") && i + 1 < args.size()) {
        file = Optional.of(Path.of(args.get(++i)));
      } else if (valueOptions.contains(a) && i + 1 < args.size()) {
        options.put(a, args.get(++i));
      } else if (a.startsWith("-")) {
        return new ConfiguredCommand(false, file, positional, Map.copyOf(options), a);
      } else {
        positional.add(a);
      }
    }
    return new ConfiguredCommand(false, file, List.copyOf(positional), Map.copyOf(options), null);
  }

  /** The configuration from the environment and the file, or empty after printing every problem. */
  Optional<KilaConfig> load(PrintStream err) {
    try {
      return Optional.of(ConfigLoader.load(System.getenv(), configFile));
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return Optional.empty();
    }
  }
}
