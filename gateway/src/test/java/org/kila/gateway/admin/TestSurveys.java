package org.kila.gateway.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Survey definitions the admin API tests design, launch and report on. */
final class TestSurveys {
  private TestSurveys() {}

  /**
   * A short clinic poll in English: gender and location (stratifiers), satisfied (yes/no), services
   * (multiple choice), comment (free text); a quota on gender.
   */
  static JsonObject clinicPoll(String id, String ussdCode) {
    return new JsonObject()
        .put("id", id)
        .put("version", 1)
        .put("title", en("Clinic poll"))
        .put("languages", new JsonArray().add(new JsonObject().put("code", "en").put("name", "English")))
        .put("triggers", new JsonObject().put("ussd", new JsonArray().add(ussdCode)).put("sms", new JsonArray()))
        .put("questions", new JsonArray()
            .add(choice("gender", "single_choice", "Your gender?", "female", "male", "prefer_not_to_say")
                .put("stratifier", new JsonObject().put("profileKey", "gender").put("sensitive", true)))
            .add(choice("location", "single_choice", "Where do you live?", "rural", "urban")
                .put("stratifier", new JsonObject().put("profileKey", "location")))
            .add(new JsonObject().put("id", "satisfied").put("type", "yes_no").put("text", en("Were you satisfied?")))
            .add(choice("services", "multiple_choice", "Which services? e.g. 1 3", "water", "health", "school"))
            .add(new JsonObject().put("id", "comment").put("type", "text").put("text", en("Anything else?"))
                .put("maxLength", 100)))
        .put("quotas", new JsonArray().add(new JsonObject()
            .put("id", "by_gender")
            .put("profileKeys", new JsonArray().add("gender"))
            .put("targets", new JsonArray()
                .add(new JsonObject().put("stratum", new JsonObject().put("gender", "female")).put("count", 20))
                .add(new JsonObject().put("stratum", new JsonObject().put("gender", "male")).put("count", 20)))));
  }

  /**
   * The clinic poll launched as version 1, then edited (a yes/no question "waited" added) and launched as
   * version 2, as an NGO edits a survey that is already running; version 1 is closed by the second launch.
   */
  static void launchTwoVersions(ApiClient designer, String id, String ussdCode) {
    assertStatus(201, designer.post("/api/surveys", clinicPoll(id, ussdCode)));
    assertStatus(200, designer.post("/api/surveys/" + id + "/versions/1/launch", null));
    JsonObject edited = clinicPoll(id, ussdCode);
    edited.getJsonArray("questions").add(new JsonObject().put("id", "waited").put("type", "yes_no")
        .put("text", en("Did you wait more than an hour?")));
    ApiClient.Answer saved = designer.put("/api/surveys/" + id + "/draft", edited);
    assertStatus(200, saved);
    if (saved.json().getInteger("version") != 2) {
      throw new AssertionError("the edit of a launched survey should be version 2: " + saved.body());
    }
    assertStatus(200, designer.post("/api/surveys/" + id + "/versions/2/launch", null));
  }

  private static void assertStatus(int expected, ApiClient.Answer answer) {
    if (answer.status() != expected) {
      throw new AssertionError("expected " + expected + ", got " + answer.status() + ": " + answer.body());
    }
  }

  private static JsonObject choice(String id, String type, String text, String... values) {
    JsonArray choices = new JsonArray();
    for (String value : values) {
      JsonObject choice = new JsonObject().put("value", value).put("label", en(label(value)));
      if (value.equals("prefer_not_to_say")) {
        choice.put("preferNotToSay", true);
      }
      choices.add(choice);
    }
    return new JsonObject().put("id", id).put("type", type).put("text", en(text)).put("choices", choices);
  }

  private static String label(String value) {
    String words = value.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static JsonObject en(String text) {
    return new JsonObject().put("en", text);
  }
}
