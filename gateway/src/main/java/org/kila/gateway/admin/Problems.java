package org.kila.gateway.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kila.survey.validate.Problem;

/** Definition problems as the API shows them: {@code [{"path": "questions[3].choices[0].value", "message": "..."}]}. */
public final class Problems {
  private Problems() {}

  public static JsonArray json(List<Problem> problems) {
    JsonArray array = new JsonArray();
    problems.forEach(p -> array.add(new JsonObject().put("path", p.path()).put("message", p.message())));
    return array;
  }
}
