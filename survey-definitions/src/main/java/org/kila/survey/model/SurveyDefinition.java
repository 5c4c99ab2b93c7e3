package org.kila.survey.model;

import java.util.List;
import java.util.Optional;

/** A whole survey as its designer wrote it: the parsed, not yet validated, form of a JSON definition. */
public record SurveyDefinition(
    String id,
    int version,
    LocalizedText title,
    List<Language> languages,
    Triggers triggers,
    Consent consent,
    List<Question> questions,
    List<Quota> quotas,
    Messages messages,
    Settings settings,
    SmsSettings sms) {

  public SurveyDefinition {
    languages = List.copyOf(languages);
    questions = List.copyOf(questions);
    quotas = List.copyOf(quotas);
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  public List<String> languageCodes() {
    return languages.stream().map(Language::code).toList();
  }
}
