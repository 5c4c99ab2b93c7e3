package org.kila.survey.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.MessageField;
import org.kila.survey.model.Messages;
import org.kila.survey.validate.Problem;

/**
 * Reads {@code messages}. A field the designer leaves out gets the built-in text of every survey language
 * that has one ({@link DefaultMessages}); a field they write is taken as written, because a default
 * in one language beside their own wording in another would say different things. A language left
 * without any text is reported by the validator, with its path.
 */
final class MessagesReader {
  private static final List<String> FIELDS = Arrays.stream(MessageField.values()).map(MessageField::json).toList();

  private final List<String> languages;
  private final TextReader texts;
  private final List<Problem> problems;

  MessagesReader(List<String> languages, TextReader texts, List<Problem> problems) {
    this.languages = List.copyOf(languages);
    this.texts = texts;
    this.problems = problems;
  }

  /** {@code value}: the {@code messages} object, or null when the survey has none. */
  Messages read(JsonNode value, String path) {
    JsonFields fields = JsonFields.of(value, path, problems);
    fields.allowOnly(FIELDS);
    Map<MessageField, LocalizedText> byField = new EnumMap<>(MessageField.class);
    for (MessageField field : MessageField.values()) {
      JsonNode given = fields.value(field.json(), false);
      LocalizedText text = given == null ? defaults(field) : texts.read(given, fields.path(field.json()));
      byField.put(field, text == null ? new LocalizedText(Map.of()) : text);
    }
    return MessageField.messages(byField);
  }

  private LocalizedText defaults(MessageField field) {
    Map<String, String> byLanguage = new HashMap<>();
    for (String language : languages) {
      DefaultMessages.text(field, language).ifPresent(t -> byLanguage.put(language, t));
    }
    return new LocalizedText(byLanguage);
  }
}
