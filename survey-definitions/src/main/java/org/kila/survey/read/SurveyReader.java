package org.kila.survey.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kila.survey.model.Consent;
import org.kila.survey.model.Language;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Messages;
import org.kila.survey.model.Question;
import org.kila.survey.model.Quota;
import org.kila.survey.model.Settings;
import org.kila.survey.model.SmsSettings;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.model.Triggers;
import org.kila.survey.validate.Problem;

/**
 * Turns the JSON text of a survey definition into a {@link SurveyDefinition}, reporting every structural
 * problem at once: invalid JSON, missing fields, wrong JSON types, unknown fields and question types, and
 * malformed conditions. It reads Jackson's tree and builds our records by hand (never data binding), so
 * each problem carries the path of the field in the designer's file. Whether the survey makes sense
 * (unique ids, reachable questions, screens that fit ...) is {@code SurveyValidator}'s job.
 */
public final class SurveyReader {
  private static final List<String> TOP_LEVEL = List.of(
      "id", "version", "title", "languages", "triggers", "consent", "questions", "quotas", "messages", "settings", "sms");

  // Duplicate keys are refused rather than silently taking the last one: a pasted block that repeats
  // "choices" would otherwise lose the first list without a word.
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");

  /** A read definition, or null with every problem that prevented it. */
  public record Result(SurveyDefinition definition, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return definition != null;
    }
  }

  public Result read(String json) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      problems.add(new Problem(JsonFields.ROOT, "not valid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + plain(e.getOriginalMessage())));
      return new Result(null, problems);
    }
    if (root == null || root.isMissingNode()) {
      problems.add(new Problem(JsonFields.ROOT, "empty: a survey definition is a JSON object"));
      return new Result(null, problems);
    }
    if (!root.isObject()) {
      problems.add(new Problem(JsonFields.ROOT, "a survey definition is a JSON object, not " + JsonFields.describe(root)));
      return new Result(null, problems);
    }
    SurveyDefinition definition = definition(JsonFields.of(root, "", problems), problems);
    return problems.isEmpty() ? new Result(definition, problems) : new Result(null, problems);
  }

  /**
   * Jackson's parse message without its character codes, and with a hint for the commonest slip in a
   * hand-edited file: a comma after the last element of a list or object.
   */
  private static String plain(String message) {
    String plain = CHARACTER_CODE.matcher(message).replaceAll("");
    boolean closes = plain.startsWith("Unexpected character (']')") || plain.startsWith("Unexpected character ('}')");
    return closes ? plain + " (is there a comma after the last item before it?)" : plain;
  }

  private static SurveyDefinition definition(JsonFields fields, List<Problem> problems) {
    fields.allowOnly(TOP_LEVEL);
    String id = fields.string("id", true);
    Integer version = fields.integer("version", true);
    List<Language> languages = languages(fields, problems);
    List<String> codes = languages.stream().map(Language::code).toList();
    TextReader texts = new TextReader(codes, problems);
    JsonNode titleValue = fields.value("title", true);
    LocalizedText title = titleValue == null ? null : texts.read(titleValue, "title");
    Triggers triggers = triggers(fields.object("triggers", false));
    Consent consent = fields.has("consent") ? consent(fields.object("consent", false), texts) : null;
    QuestionReader questionReader = new QuestionReader(texts, problems);
    List<Question> questions = new ArrayList<>();
    List<JsonNode> questionValues = fields.list("questions", true);
    for (int i = 0; i < questionValues.size(); i++) {
      questions.add(questionReader.read(questionValues.get(i), JsonFields.index("questions", i)));
    }
    List<Quota> quotas = new ArrayList<>();
    List<JsonNode> quotaValues = fields.list("quotas", false);
    for (int i = 0; i < quotaValues.size(); i++) {
      quotas.add(quota(JsonFields.of(quotaValues.get(i), JsonFields.index("quotas", i), problems), problems));
    }
    Messages messages = new MessagesReader(codes, texts, problems).read(fields.value("messages", false), "messages");
    Settings settings = settings(fields.object("settings", false));
    SmsSettings sms = sms(fields.object("sms", false));
    return new SurveyDefinition(id, version == null ? 0 : version, title, languages, triggers, consent,
        questions, quotas, messages, settings, sms);
  }

  private static List<Language> languages(JsonFields fields, List<Problem> problems) {
    List<Language> languages = new ArrayList<>();
    List<JsonNode> values = fields.list("languages", true);
    for (int i = 0; i < values.size(); i++) {
      JsonFields language = JsonFields.of(values.get(i), JsonFields.index("languages", i), problems);
      language.allowOnly(List.of("code", "name"));
      String code = language.string("code", true);
      String name = language.string("name", true);
      if (code != null && name != null) {
        languages.add(new Language(code, name));
      }
    }
    return languages;
  }

  private static Triggers triggers(JsonFields fields) {
    fields.allowOnly(List.of("ussd", "sms"));
    return new Triggers(fields.strings("ussd", false), fields.strings("sms", false));
  }

  private static Consent consent(JsonFields fields, TextReader texts) {
    fields.allowOnly(List.of("text"));
    JsonNode text = fields.value("text", true);
    return new Consent(text == null ? null : texts.read(text, fields.path("text")));
  }

  private static Quota quota(JsonFields fields, List<Problem> problems) {
    fields.allowOnly(List.of("id", "profileKeys", "targets"));
    String id = fields.string("id", true);
    List<String> profileKeys = fields.strings("profileKeys", true);
    List<Quota.Target> targets = new ArrayList<>();
    List<JsonNode> values = fields.list("targets", true);
    for (int i = 0; i < values.size(); i++) {
      JsonFields target = JsonFields.of(values.get(i), JsonFields.index(fields.path("targets"), i), problems);
      target.allowOnly(List.of("stratum", "count"));
      JsonFields stratumFields = target.object("stratum", true);
      Map<String, String> stratum = new LinkedHashMap<>();
      stratumFields.entries().forEachRemaining(e -> {
        String value = JsonFields.string(e.getValue(), stratumFields.path(e.getKey()), problems);
        if (value != null) {
          stratum.put(e.getKey(), value);
        }
      });
      Integer count = target.integer("count", true);
      targets.add(new Quota.Target(stratum, count == null ? 0 : count));
    }
    return new Quota(id, profileKeys, targets);
  }

  private static Settings settings(JsonFields fields) {
    fields.allowOnly(List.of("maxInvalidTries", "backKey", "moreKey"));
    Settings d = Settings.DEFAULTS;
    Integer tries = fields.integer("maxInvalidTries", false);
    String back = fields.string("backKey", false);
    String more = fields.string("moreKey", false);
    return new Settings(tries == null ? d.maxInvalidTries() : tries, back == null ? d.backKey() : back,
        more == null ? d.moreKey() : more);
  }

  /** The survey's SMS follow-up settings; a field left out stays null (the gateway's option then applies). */
  private static SmsSettings sms(JsonFields fields) {
    fields.allowOnly(SmsSettings.FIELDS);
    return new SmsSettings(fields.string("quietHours", false), fields.string("timeZone", false),
        fields.integer("reminders", false), fields.string("reminderDelay", false), fields.optionalFlag("nudge"),
        fields.optionalFlag("finishBySms"));
  }
}
