package org.kila.survey.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.kila.survey.validate.DidYouMean;
import org.kila.survey.validate.Problem;

/**
 * One JSON object of a definition, read field by field. Each getter checks presence and JSON type, records
 * a {@link Problem} under the field's path when something is wrong and then returns null (or an empty
 * list), so that reading carries on and every structural problem is found in one pass.
 */
final class JsonFields {
  /** Path of the whole document, for problems that belong to no field. */
  static final String ROOT = "$";

  private final JsonNode node; // an object node, or null when the value was missing or already reported
  private final String path;
  private final List<Problem> problems;

  private JsonFields(JsonNode node, String path, List<Problem> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /**
   * The object {@code value} found at {@code path}. A value that is not an object is reported once and
   * then reads as an object without fields, so its fields do not each add a "missing" problem.
   */
  static JsonFields of(JsonNode value, String path, List<Problem> problems) {
    if (value != null && value.isObject()) {
      return new JsonFields(value, path, problems);
    }
    if (value != null) {
      problems.add(new Problem(orRoot(path), "must be an object, not " + describe(value)));
    }
    return new JsonFields(null, path, problems);
  }

  static String child(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  static String orRoot(String path) {
    return path.isEmpty() ? ROOT : path;
  }

  /** How a JSON value reads in a message: "a string", "a list", "2.5" ... */
  static String describe(JsonNode value) {
    if (value.isTextual()) return "a string";
    if (value.isNumber()) return value.asText();
    if (value.isBoolean()) return value.asText();
    if (value.isArray()) return "a list";
    if (value.isObject()) return "an object";
    return "null";
  }

  String path() {
    return path;
  }

  String path(String field) {
    return child(path, field);
  }

  boolean has(String field) {
    return node != null && node.has(field);
  }

  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    if (node != null) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** Reports every field that is not in {@code allowed}, suggesting the closest allowed name. */
  void allowOnly(Collection<String> allowed) {
    for (String name : fieldNames()) {
      if (!allowed.contains(name)) {
        reportUnknown(name, allowed);
      }
    }
  }

  void reportUnknown(String name, Collection<String> known) {
    String hint = DidYouMean.suffix(name, known);
    problems.add(new Problem(path(name), hint.isEmpty()
        ? "unknown field (known here: " + String.join(", ", known) + ")"
        : "unknown field" + hint));
  }

  /** The raw value of a field; null when absent (reported as missing when required). */
  JsonNode value(String field, boolean required) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null && required && node != null) {
      problems.add(new Problem(path(field), "required field is missing"));
    }
    return value;
  }

  String string(String field, boolean required) {
    JsonNode value = value(field, required);
    return value == null ? null : string(value, path(field), problems);
  }

  /** A non-empty string, or null after reporting what {@code value} is instead. */
  static String string(JsonNode value, String path, List<Problem> problems) {
    if (!value.isTextual()) {
      problems.add(new Problem(path, "must be a string, not " + describe(value)));
      return null;
    }
    if (value.asText().isBlank()) {
      problems.add(new Problem(path, "must not be empty"));
      return null;
    }
    return value.asText();
  }

  Long whole(String field, boolean required) {
    JsonNode value = value(field, required);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      problems.add(new Problem(path(field), "must be a whole number, not " + describe(value)));
      return null;
    }
    return value.asLong();
  }

  Integer integer(String field, boolean required) {
    JsonNode value = value(field, required);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problems.add(new Problem(path(field), "must be a whole number, not " + describe(value)));
      return null;
    }
    return value.asInt();
  }

  /** An optional true/false field; absent or wrong reads as false. */
  boolean flag(String field) {
    JsonNode value = value(field, false);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      problems.add(new Problem(path(field), "must be true or false, not " + describe(value)));
      return false;
    }
    return value.asBoolean();
  }

  /** An optional true/false field that may also be left out: null when absent or wrong (reported). */
  Boolean optionalFlag(String field) {
    JsonNode value = value(field, false);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      problems.add(new Problem(path(field), "must be true or false, not " + describe(value)));
      return null;
    }
    return value.asBoolean();
  }

  /** The elements of a list field; empty when absent or not a list (reported). */
  List<JsonNode> list(String field, boolean required) {
    JsonNode value = value(field, required);
    List<JsonNode> elements = new ArrayList<>();
    if (value == null) {
      return elements;
    }
    if (!value.isArray()) {
      problems.add(new Problem(path(field), "must be a list, not " + describe(value)));
      return elements;
    }
    value.elements().forEachRemaining(elements::add);
    return elements;
  }

  /** A list of non-empty strings; elements that are not are reported and left out. */
  List<String> strings(String field, boolean required) {
    List<String> strings = new ArrayList<>();
    List<JsonNode> elements = list(field, required);
    for (int i = 0; i < elements.size(); i++) {
      String s = string(elements.get(i), index(path(field), i), problems);
      if (s != null) {
        strings.add(s);
      }
    }
    return strings;
  }

  JsonFields object(String field, boolean required) {
    return of(value(field, required), path(field), problems);
  }

  /** The fields of this object as (name, value) pairs, in document order. */
  Iterator<Map.Entry<String, JsonNode>> entries() {
    return node == null ? Collections.emptyIterator() : node.fields();
  }
}
