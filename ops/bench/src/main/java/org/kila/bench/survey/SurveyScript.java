package org.kila.bench.survey;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A survey definition read the way a simulated respondent reads it: enough to recognise each screen the
 * gateway sends and to give a valid answer. It reads the survey JSON itself rather than the gateway's
 * model, so that a screen the gateway renders wrongly shows up as an unknown screen instead of being
 * explained away by the same code.
 */
public final class SurveyScript {
  /** Leading characters of a question or consent text that identify its screen (texts may be paged after). */
  private static final int MATCH_CHARS = 40;

  private final String id;
  private final String ussdCode;
  private final Map<String, String> languageNames;
  private final Map<String, String> consentTexts;
  private final List<ScriptQuestion> questions;
  private final List<String> completedTexts;

  private SurveyScript(String id, String ussdCode, Map<String, String> languageNames, Map<String, String> consentTexts,
      List<ScriptQuestion> questions, List<String> completedTexts) {
    this.id = id;
    this.ussdCode = ussdCode;
    this.languageNames = languageNames;
    this.consentTexts = consentTexts;
    this.questions = questions;
    this.completedTexts = completedTexts;
  }

  public static SurveyScript read(Path file) throws IOException {
    return parse(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
  }

  public static SurveyScript parse(JsonObject json) {
    Map<String, String> languages = new LinkedHashMap<>();
    for (Object o : json.getJsonArray("languages")) {
      JsonObject l = (JsonObject) o;
      languages.put(l.getString("code"), l.getString("name"));
    }
    List<ScriptQuestion> questions = new ArrayList<>();
    for (Object o : json.getJsonArray("questions")) {
      JsonObject q = (JsonObject) o;
      List<ScriptQuestion.Choice> choices = new ArrayList<>();
      for (Object c : q.getJsonArray("choices", new JsonArray())) {
        JsonObject choice = (JsonObject) c;
        choices.add(new ScriptQuestion.Choice(choice.getString("value"), texts(choice.getJsonObject("label"))));
      }
      questions.add(new ScriptQuestion(q.getString("id"), q.getString("type"), texts(q.getJsonObject("text")),
          List.copyOf(choices), q.getLong("min", 0L), q.getLong("max", 99L), q.getInteger("maxLength", 40)));
    }
    JsonObject messages = json.getJsonObject("messages", new JsonObject());
    List<String> completed = new ArrayList<>(texts(messages.getJsonObject("completed", new JsonObject())).values());
    return new SurveyScript(json.getString("id"), json.getJsonObject("triggers").getJsonArray("ussd").getString(0),
        languages, texts(json.getJsonObject("consent").getJsonObject("text")), List.copyOf(questions),
        List.copyOf(completed));
  }

  private static Map<String, String> texts(JsonObject byLanguage) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (byLanguage != null) {
      byLanguage.forEach(e -> texts.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return texts;
  }

  public String id() {
    return id;
  }

  /** The USSD code that starts the survey, e.g. {@code *384*12#}. */
  public String ussdCode() {
    return ussdCode;
  }

  public List<ScriptQuestion> questions() {
    return questions;
  }

  /** Reads one reply body ({@code CON ...} or {@code END ...}); null when it is neither. */
  public Screen read(String body) {
    boolean ends;
    if (body.startsWith("CON ")) {
      ends = false;
    } else if (body.startsWith("END ")) {
      ends = true;
    } else {
      return null;
    }
    String text = body.substring(4);
    List<Screen.Option> options = Screen.optionsOf(text);
    if (ends) {
      boolean completed = completedTexts.stream().anyMatch(text::contains);
      return new Screen(true, text, completed ? Screen.Kind.COMPLETED : Screen.Kind.OTHER, null, options);
    }
    ScriptQuestion question = questionIn(text);
    if (question != null) {
      return new Screen(false, text, Screen.Kind.QUESTION, question, options);
    }
    if (consentTexts.values().stream().anyMatch(c -> text.contains(head(c)))) {
      return new Screen(false, text, Screen.Kind.CONSENT, null, options);
    }
    if (options.size() >= 2 && options.stream().allMatch(o -> languageNames.containsValue(o.label()))) {
      return new Screen(false, text, Screen.Kind.LANGUAGE, null, options);
    }
    return new Screen(false, text, Screen.Kind.OTHER, null, options);
  }

  /** The language code whose name is {@code label} on the language screen. */
  public String languageNamed(String label) {
    return languageNames.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  private ScriptQuestion questionIn(String text) {
    ScriptQuestion best = null;
    int bestLength = 0;
    for (ScriptQuestion q : questions) {
      for (String t : q.texts().values()) {
        String head = head(t);
        if (head.length() > bestLength && text.contains(head)) {
          best = q;
          bestLength = head.length();
        }
      }
    }
    return best;
  }

  private static String head(String text) {
    return text.length() <= MATCH_CHARS ? text : text.substring(0, MATCH_CHARS);
  }
}
