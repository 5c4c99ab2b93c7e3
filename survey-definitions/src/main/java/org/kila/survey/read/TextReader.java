package org.kila.survey.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.validate.DidYouMean;
import org.kila.survey.validate.Problem;

/**
 * Reads respondent-facing text: an object with one text per language code ({@code {"en": "...", "sw":
 * "..."}}), or a plain string in a survey that has exactly one language. A missing translation is not
 * reported here but by the validator, which knows where every text is.
 */
final class TextReader {
  private final List<String> languages;
  private final List<Problem> problems;

  /** {@code languages}: the survey's language codes; empty when they could not be read. */
  TextReader(List<String> languages, List<Problem> problems) {
    this.languages = List.copyOf(languages);
    this.problems = problems;
  }

  LocalizedText read(JsonNode value, String path) {
    if (value.isTextual()) {
      if (languages.size() == 1) {
        return LocalizedText.of(languages.get(0), value.asText());
      }
      if (languages.size() > 1) {
        problems.add(new Problem(path, "give one text per language, e.g. " + example()
            + ": a plain string is allowed only in a survey with one language"));
      }
      return null;
    }
    if (!value.isObject()) {
      problems.add(new Problem(path, "must be an object of texts per language, e.g. " + example()
          + ", not " + JsonFields.describe(value)));
      return null;
    }
    Map<String, String> byLanguage = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String code = e.getKey();
      String where = JsonFields.child(path, code);
      if (!languages.isEmpty() && !languages.contains(code)) {
        problems.add(new Problem(where, "\"" + code + "\" is not a language of this survey"
            + DidYouMean.suffix(code, languages)));
      } else if (!e.getValue().isTextual()) {
        problems.add(new Problem(where, "must be a string, not " + JsonFields.describe(e.getValue())));
      } else {
        byLanguage.put(code, e.getValue().asText());
      }
    }
    return new LocalizedText(byLanguage);
  }

  private String example() {
    List<String> codes = languages.isEmpty() ? List.of("en", "sw") : languages;
    return codes.stream().map(c -> "\"" + c + "\": \"...\"").collect(Collectors.joining(", ", "{", "}"));
  }
}
