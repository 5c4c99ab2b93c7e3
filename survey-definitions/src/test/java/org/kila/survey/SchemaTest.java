package org.kila.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kila.survey.model.MessageField;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SmsSettings;

/**
 * The published JSON Schema agrees with the examples and with the reader's vocabulary. No schema library
 * on purpose: the core keeps its dependencies to Jackson, so this checks what drifts in practice (field
 * names, question types, message names) rather than every keyword.
 */
class SchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema() throws IOException {
    try (InputStream in = SchemaTest.class.getResourceAsStream("/org/kila/survey/kila-survey.schema.json")) {
      assertNotNull(in, "the schema is packaged with the core");
      return JSON.readTree(in);
    }
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static List<Path> examples() throws IOException {
    return ExamplesTest.examples().toList();
  }

  @Test
  void isADraft202012Schema() throws IOException {
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema().get("$schema").asText());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsJsonWhoseTopLevelKeysTheSchemaDeclares(Path example) throws IOException {
    JsonNode schema = schema();
    JsonNode survey = JSON.readTree(Files.readString(example));

    assertTrue(survey.isObject());
    Set<String> declared = names(schema.get("properties"));
    Set<String> used = names(survey);
    assertTrue(declared.containsAll(used), "undeclared: " + difference(used, declared));
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(r -> required.add(r.asText()));
    assertTrue(used.containsAll(required), "missing: " + difference(new TreeSet<>(required), used));
  }

  @Test
  void declaresExactlyTheQuestionTypesTheReaderKnows() throws IOException {
    Set<String> inSchema = new TreeSet<>();
    schema().at("/$defs/question/properties/type/enum").forEach(t -> inSchema.add(t.asText()));
    Set<String> inReader = new TreeSet<>(Arrays.stream(QuestionType.values()).map(QuestionType::json).toList());
    assertEquals(inReader, inSchema);
  }

  @Test
  void declaresExactlyTheMessagesTheReaderKnows() throws IOException {
    Set<String> inReader = new TreeSet<>(Arrays.stream(MessageField.values()).map(MessageField::json).toList());
    assertEquals(inReader, names(schema().at("/$defs/messages/properties")));
  }

  @Test
  void declaresExactlyTheSmsSettingsTheReaderKnows() throws IOException {
    assertEquals(new TreeSet<>(SmsSettings.FIELDS), names(schema().at("/$defs/sms/properties")));
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }
}
