package org.kila.gateway.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kila.gateway.config.ConfigException;
import org.kila.gateway.config.ConfigLoader;
import org.kila.gateway.config.KilaConfig;

/**
 * The arguments every command that reads Kila's configuration shares: {@code --help}, {@code --config
 * FILE} and positional arguments; and the loading of the configuration with its errors printed.
 */
record ConfiguredCommand(boolean help, Optional<Path> configFile, List<String> positional, String unknownOption) {

  static ConfiguredCommand parse(List<String> args) {
    Optional<Path> file = Optional.empty();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        return new ConfiguredCommand(true, file, positional, null);
      } else if (a.equals("--config") && i + 1 < args.size()) {
        file = Optional.of(Path.of(args.get(++i)));
      } else if (a.startsWith("-")) {
        return new ConfiguredCommand(false, file, positional, a);
      } else {
        positional.add(a);
      }
    }
    return new ConfiguredCommand(false, file, List.copyOf(positional), null);
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
