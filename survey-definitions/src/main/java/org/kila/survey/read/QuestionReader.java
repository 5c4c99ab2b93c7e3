package org.kila.survey.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kila.survey.model.Band;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Condition;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.Stratifier;
import org.kila.survey.validate.DidYouMean;
import org.kila.survey.validate.Problem;

/** Reads one entry of {@code questions}: its type, text, type-specific fields, skip logic and stratifier. */
final class QuestionReader {
  private static final List<String> COMMON = List.of("id", "type", "text", "showIf", "stratifier");
  private static final Map<QuestionType, List<String>> TYPE_FIELDS = Map.of(
      QuestionType.SINGLE_CHOICE, List.of("choices"),
      QuestionType.MULTIPLE_CHOICE, List.of("choices"),
      QuestionType.NUMBER, List.of("min", "max"),
      QuestionType.YES_NO, List.of(),
      QuestionType.TEXT, List.of("maxLength"));
  private static final List<String> ALL_FIELDS =
      List.of("id", "type", "text", "choices", "min", "max", "maxLength", "showIf", "stratifier");
  private static final List<String> TYPE_NAMES =
      Arrays.stream(QuestionType.values()).map(QuestionType::json).toList();

  private final TextReader texts;
  private final ConditionReader conditions;
  private final List<Problem> problems;

  QuestionReader(TextReader texts, List<Problem> problems) {
    this.texts = texts;
    this.conditions = new ConditionReader(problems);
    this.problems = problems;
  }

  Question read(JsonNode value, String path) {
    JsonFields fields = JsonFields.of(value, path, problems);
    String id = fields.string("id", true);
    QuestionType type = type(fields);
    checkFields(fields, type);
    LocalizedText text = text(fields, "text", true);
    List<Choice> choices = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE
        ? choices(fields)
        : List.of();
    Long min = type == QuestionType.NUMBER ? fields.whole("min", true) : null;
    Long max = type == QuestionType.NUMBER ? fields.whole("max", true) : null;
    Integer maxLength = type == QuestionType.TEXT ? fields.integer("maxLength", false) : null;
    JsonNode showIfValue = fields.value("showIf", false);
    Condition showIf = showIfValue == null ? null : conditions.read(showIfValue, fields.path("showIf"));
    Stratifier stratifier = fields.has("stratifier") ? stratifier(fields.object("stratifier", false)) : null;
    return new Question(id, type, text, choices, min, max, maxLength, showIf, stratifier);
  }

  private QuestionType type(JsonFields fields) {
    String name = fields.string("type", true);
    if (name == null) {
      return null;
    }
    Optional<QuestionType> type = QuestionType.fromJson(name);
    if (type.isEmpty()) {
      String hint = DidYouMean.suffix(name, TYPE_NAMES);
      problems.add(new Problem(fields.path("type"), "unknown question type \"" + name + "\""
          + (hint.isEmpty() ? " (one of " + String.join(", ", TYPE_NAMES) + ")" : hint)));
    }
    return type.orElse(null);
  }

  /** A field of another question type is named as such; anything else is an unknown field. */
  private void checkFields(JsonFields fields, QuestionType type) {
    if (type == null) {
      fields.allowOnly(ALL_FIELDS);
      return;
    }
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(TYPE_FIELDS.get(type));
    for (String name : fields.fieldNames()) {
      if (ALL_FIELDS.contains(name) && !allowed.contains(name)) {
        problems.add(new Problem(fields.path(name), "does not apply to a " + type.json() + " question"));
      } else if (!allowed.contains(name)) {
        fields.reportUnknown(name, allowed);
      }
    }
  }

  private List<Choice> choices(JsonFields question) {
    List<Choice> choices = new ArrayList<>();
    List<JsonNode> elements = question.list("choices", true);
    for (int i = 0; i < elements.size(); i++) {
      JsonFields fields = JsonFields.of(elements.get(i), JsonFields.index(question.path("choices"), i), problems);
      fields.allowOnly(List.of("value", "label", "preferNotToSay"));
      String value = fields.string("value", true);
      LocalizedText label = text(fields, "label", true);
      boolean preferNotToSay = fields.flag("preferNotToSay");
      choices.add(new Choice(value, label, preferNotToSay));
    }
    return choices;
  }

  private Stratifier stratifier(JsonFields fields) {
    fields.allowOnly(List.of("profileKey", "sensitive", "bands"));
    String profileKey = fields.string("profileKey", true);
    boolean sensitive = fields.flag("sensitive");
    List<Band> bands = new ArrayList<>();
    List<JsonNode> elements = fields.list("bands", false);
    for (int i = 0; i < elements.size(); i++) {
      JsonFields band = JsonFields.of(elements.get(i), JsonFields.index(fields.path("bands"), i), problems);
      band.allowOnly(List.of("min", "max", "value"));
      Long min = band.whole("min", true);
      Long max = band.whole("max", true);
      String value = band.string("value", true);
      if (min != null && max != null && value != null) {
        bands.add(new Band(min, max, value));
      }
    }
    return new Stratifier(profileKey, bands, sensitive);
  }

  private LocalizedText text(JsonFields fields, String field, boolean required) {
    JsonNode value = fields.value(field, required);
    return value == null ? null : texts.read(value, fields.path(field));
  }
}
