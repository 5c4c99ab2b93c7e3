package org.kila.bench.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSurveyTest {

  @Test
  void copiesTheSurveyWithQuotasNoRunCanFill(@TempDir Path dir) throws Exception {
    Path copy = BenchSurvey.write(SurveyScriptTest.EXAMPLE, dir.resolve("surveys"));
    JsonObject original = new JsonObject(Files.readString(SurveyScriptTest.EXAMPLE));
    JsonObject scaled = new JsonObject(Files.readString(copy));
    long before = original.getJsonArray("quotas").getJsonObject(0).getJsonArray("targets").getJsonObject(0).getLong("count");
    long after = scaled.getJsonArray("quotas").getJsonObject(0).getJsonArray("targets").getJsonObject(0).getLong("count");
    assertEquals(before * BenchSurvey.QUOTA_FACTOR, after);
    assertEquals(original.getJsonArray("questions"), scaled.getJsonArray("questions"));
  }
}
