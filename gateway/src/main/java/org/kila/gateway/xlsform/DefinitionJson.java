package org.kila.gateway.xlsform;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Condition;
import org.kila.survey.model.Language;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.SurveyDefinition;

/**
 * Writes an imported survey in Kila's JSON definition format, texts in the survey's language order. An
 * import has no consent, quotas, messages or settings of its own, so messages and settings are left out
 * (the reader fills in the defaults) and quotas are an empty list for the designer to fill.
 */
final class DefinitionJson {
  private DefinitionJson() {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  static ObjectNode of(SurveyDefinition survey) {
    List<String> codes = survey.languageCodes();
    ObjectNode root = JSON.createObjectNode();
    root.put("id", survey.id());
    root.put("version", survey.version());
    root.set("title", text(survey.title(), codes));
    ArrayNode languages = root.putArray("languages");
    for (Language language : survey.languages()) {
      languages.addObject().put("code", language.code()).put("name", language.name());
    }
    ObjectNode triggers = root.putObject("triggers");
    survey.triggers().ussdCodes().forEach(triggers.putArray("ussd")::add);
    survey.triggers().smsKeywords().forEach(triggers.putArray("sms")::add);
    ArrayNode questions = root.putArray("questions");
    survey.questions().forEach(q -> questions.add(question(q, codes)));
    root.putArray("quotas");
    return root;
  }

  private static ObjectNode question(Question q, List<String> codes) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", q.id());
    node.put("type", q.type().json());
    node.set("text", text(q.text(), codes));
    if (q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_CHOICE) {
      ArrayNode choices = node.putArray("choices");
      for (Choice c : q.choices()) {
        ObjectNode choice = choices.addObject();
        choice.put("value", c.value());
        choice.set("label", text(c.label(), codes));
        choice.put("preferNotToSay", c.preferNotToSay());
      }
    }
    if (q.type() == QuestionType.NUMBER) {
      node.put("min", q.min());
      node.put("max", q.max());
    }
    if (q.type() == QuestionType.TEXT) {
      node.put("maxLength", q.maxLength());
    }
    if (q.showIf() != null) {
      node.set("showIf", condition(q.showIf()));
    }
    return node;
  }

  static ObjectNode condition(Condition c) {
    ObjectNode node = JSON.createObjectNode();
    if (c instanceof Condition.AnyOf anyOf) {
      node.put("question", anyOf.question());
      anyOf.values().forEach(node.putArray("anyOf")::add);
    } else if (c instanceof Condition.InRange range) {
      node.put("question", range.question());
      if (range.min() != null) {
        node.put("min", range.min());
      }
      if (range.max() != null) {
        node.put("max", range.max());
      }
    } else if (c instanceof Condition.All all) {
      ArrayNode parts = node.putArray("all");
      all.conditions().forEach(part -> parts.add(condition(part)));
    } else if (c instanceof Condition.Any any) {
      ArrayNode parts = node.putArray("any");
      any.conditions().forEach(part -> parts.add(condition(part)));
    } else if (c instanceof Condition.Not not) {
      node.set("not", condition(not.condition()));
    }
    return node;
  }

  private static ObjectNode text(LocalizedText text, List<String> codes) {
    ObjectNode node = JSON.createObjectNode();
    for (String code : codes) {
      if (text != null && text.has(code)) {
        node.put(code, text.in(code));
      }
    }
    return node;
  }
}
