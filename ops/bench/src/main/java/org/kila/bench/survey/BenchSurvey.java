package org.kila.bench.survey;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the survey the benchmark runs: a copy of a real example whose quota targets are multiplied, so
 * that hundreds of thousands of simulated respondents do not fill the strata in seconds and turn the
 * workload into screen-outs. The quota path itself (counting completions per stratum) still runs.
 */
public final class BenchSurvey {
  /** Large enough that no run fills a stratum. */
  static final long QUOTA_FACTOR = 1_000_000;

  private BenchSurvey() {}

  /** Copies {@code example} into {@code surveysDir} with scaled quotas; returns the copy's path. */
  public static Path write(Path example, Path surveysDir) throws IOException {
    JsonObject survey = new JsonObject(Files.readString(example, StandardCharsets.UTF_8));
    if (survey.containsKey("quotas")) {
      survey.getJsonArray("quotas").forEach(q -> ((JsonObject) q).getJsonArray("targets").forEach(t -> {
        JsonObject target = (JsonObject) t;
        target.put("count", target.getLong("count") * QUOTA_FACTOR);
      }));
    }
    Files.createDirectories(surveysDir);
    Path copy = surveysDir.resolve(example.getFileName());
    Files.writeString(copy, survey.encodePrettily(), StandardCharsets.UTF_8);
    return copy;
  }
}
