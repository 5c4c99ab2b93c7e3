package org.kila.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merged raw values of every option, read into types. A value that does not read well is recorded as
 * a problem naming where it was set, and a placeholder is returned, so that one pass finds every problem.
 */
final class ConfigValues {
  private final Map<ConfigOption, RawValue> raw;
  private final List<String> problems = new ArrayList<>();

  ConfigValues(Map<ConfigOption, RawValue> raw) {
    this.raw = Map.copyOf(raw);
  }

  Optional<String> text(ConfigOption option) {
    return Optional.ofNullable(raw.get(option)).map(v -> v.text().trim());
  }

  int wholeNumber(ConfigOption option, String kind, int min, int max) {
    String text = text(option).orElseThrow();
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as an out-of-range number
    }
    problem(option, "must be " + kind + " " + min + "-" + max + ", got '" + text + "'");
    return min;
  }

  Duration duration(ConfigOption option, Duration min, Duration max) {
    String text = text(option).orElseThrow();
    Optional<Duration> d = DurationText.parse(text);
    if (d.isPresent() && d.get().compareTo(min) >= 0 && d.get().compareTo(max) <= 0) {
      return d.get();
    }
    problem(option, "must be a duration between " + DurationText.format(min) + " and " + DurationText.format(max)
        + " such as 90s, 15m, 24h or PT2S, got '" + text + "'");
    return min;
  }

  boolean yesNo(ConfigOption option) {
    String text = text(option).orElseThrow();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    problem(option, "must be true or false, got '" + text + "'");
    return Boolean.parseBoolean(option.defaultValue().orElse("false"));
  }

  /** Records a problem with {@code option}; {@code message} must not quote a secret value. */
  void problem(ConfigOption option, String message) {
    String origin = Optional.ofNullable(raw.get(option)).map(RawValue::origin).orElse(option.envName());
    problems.add(origin + ": " + message);
  }

  List<String> problems() {
    return problems;
  }
}
