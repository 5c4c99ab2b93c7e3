package org.kila.survey.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Band;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Condition;
import org.kila.survey.model.Consent;
import org.kila.survey.model.Language;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Messages;
import org.kila.survey.model.Question;
import org.kila.survey.model.QuestionType;
import org.kila.survey.model.Quota;
import org.kila.survey.model.Settings;
import org.kila.survey.model.SmsSettings;
import org.kila.survey.model.Stratifier;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.model.Triggers;

/**
 * Builds test surveys in Java, in English unless told otherwise, with the closing messages and labels in
 * English, Swahili and Nepali. Plain strings are English; {@link #t} writes a text in several languages.
 */
final class SurveyBuilder {
  static final Language ENGLISH = new Language("en", "English");
  static final Language SWAHILI = new Language("sw", "Kiswahili");

  static final Messages MESSAGES = new Messages(
      t("en", "Thank you! Your answers are saved.", "sw", "Asante! Majibu yako yamehifadhiwa.",
          "ne", "धन्यवाद! तपाईंको जवाफ सुरक्षित भयो।"),
      t("en", "Thank you. We already have enough answers from people like you.",
          "sw", "Asante. Tayari tuna majibu ya kutosha kutoka kwa watu kama wewe.",
          "ne", "धन्यवाद। तपाईं जस्ता मानिसहरूबाट पर्याप्त जवाफ आइसकेको छ।"),
      t("en", "OK, nothing was saved. Goodbye.", "sw", "Sawa, hakuna kilichohifadhiwa. Kwaheri.",
          "ne", "ठीक छ, केही पनि सुरक्षित गरिएन। नमस्ते।"),
      t("en", "Sorry, we could not read your answer. Goodbye.", "sw", "Samahani, hatukuelewa jibu lako. Kwaheri.",
          "ne", "माफ गर्नुहोस्, जवाफ बुझिएन। नमस्ते।"),
      t("en", "Invalid answer, try again.", "sw", "Jibu si sahihi, jaribu tena.", "ne", "गलत जवाफ, फेरि लेख्नुहोस्।"),
      t("en", "Back", "sw", "Rudi", "ne", "पछाडि"),
      t("en", "More", "sw", "Zaidi", "ne", "थप"),
      t("en", "Yes", "sw", "Ndiyo", "ne", "हो"),
      t("en", "No", "sw", "Hapana", "ne", "होइन"),
      t("en", "Choose language", "sw", "Chagua lugha", "ne", "भाषा छान्नुहोस्"),
      t("en", "Welcome back!", "sw", "Karibu tena!", "ne", "फेरि स्वागत छ!"));

  private final String id;
  private List<Language> languages = List.of(ENGLISH);
  private Consent consent;
  private final List<Question> questions = new ArrayList<>();
  private final List<Quota> quotas = new ArrayList<>();
  private Messages messages = MESSAGES;
  private Settings settings = Settings.DEFAULTS;

  private SurveyBuilder(String id) {
    this.id = id;
  }

  static SurveyBuilder survey(String id) {
    return new SurveyBuilder(id);
  }

  /** A text in several languages: {@code t("en", "Yes", "sw", "Ndiyo")}. */
  static LocalizedText t(String... languageThenText) {
    Map<String, String> byLanguage = new HashMap<>();
    for (int i = 0; i < languageThenText.length; i += 2) {
      byLanguage.put(languageThenText[i], languageThenText[i + 1]);
    }
    return new LocalizedText(byLanguage);
  }

  SurveyBuilder languages(Language... languages) {
    this.languages = List.of(languages);
    return this;
  }

  SurveyBuilder consent(String english) {
    return consent(t("en", english));
  }

  SurveyBuilder consent(LocalizedText text) {
    this.consent = new Consent(text);
    return this;
  }

  SurveyBuilder question(QuestionBuilder question) {
    questions.add(question.build());
    return this;
  }

  /** A quota on {@code profileKeys}; targets as {@code target(50, "gender", "female")}. */
  SurveyBuilder quota(String quotaId, List<String> profileKeys, Quota.Target... targets) {
    quotas.add(new Quota(quotaId, profileKeys, List.of(targets)));
    return this;
  }

  static Quota.Target target(int count, String... keyThenValue) {
    Map<String, String> stratum = new HashMap<>();
    for (int i = 0; i < keyThenValue.length; i += 2) {
      stratum.put(keyThenValue[i], keyThenValue[i + 1]);
    }
    return new Quota.Target(stratum, count);
  }

  SurveyBuilder messages(Messages messages) {
    this.messages = messages;
    return this;
  }

  SurveyBuilder settings(int maxInvalidTries, String backKey, String moreKey) {
    this.settings = new Settings(maxInvalidTries, backKey, moreKey);
    return this;
  }

  CompiledSurvey build() {
    return CompiledSurvey.of(new SurveyDefinition(id, 1, t("en", id), languages,
        new Triggers(List.of("*384*12#"), List.of("KILA")), consent, questions, quotas, messages, settings,
        SmsSettings.UNSET));
  }

  static QuestionBuilder single(String id, String english) {
    return new QuestionBuilder(id, QuestionType.SINGLE_CHOICE, t("en", english));
  }

  static QuestionBuilder single(String id, LocalizedText text) {
    return new QuestionBuilder(id, QuestionType.SINGLE_CHOICE, text);
  }

  static QuestionBuilder multiple(String id, String english) {
    return new QuestionBuilder(id, QuestionType.MULTIPLE_CHOICE, t("en", english));
  }

  static QuestionBuilder number(String id, String english, long min, long max) {
    QuestionBuilder q = new QuestionBuilder(id, QuestionType.NUMBER, t("en", english));
    q.min = min;
    q.max = max;
    return q;
  }

  static QuestionBuilder yesNo(String id, String english) {
    return yesNo(id, t("en", english));
  }

  static QuestionBuilder yesNo(String id, LocalizedText text) {
    return new QuestionBuilder(id, QuestionType.YES_NO, text);
  }

  static QuestionBuilder text(String id, String english, int maxLength) {
    QuestionBuilder q = new QuestionBuilder(id, QuestionType.TEXT, t("en", english));
    q.maxLength = maxLength;
    return q;
  }

  static Band band(long min, long max, String value) {
    return new Band(min, max, value);
  }

  /** One question under construction. */
  static final class QuestionBuilder {
    private final String id;
    private final QuestionType type;
    private final LocalizedText text;
    private final List<Choice> choices = new ArrayList<>();
    private Long min;
    private Long max;
    private Integer maxLength;
    private Condition showIf;
    private Stratifier stratifier;

    private QuestionBuilder(String id, QuestionType type, LocalizedText text) {
      this.id = id;
      this.type = type;
      this.text = text;
    }

    QuestionBuilder choice(String value, String english) {
      return choice(value, t("en", english));
    }

    QuestionBuilder choice(String value, LocalizedText label) {
      choices.add(new Choice(value, label, false));
      return this;
    }

    QuestionBuilder preferNotToSay(String value, String english) {
      return preferNotToSay(value, t("en", english));
    }

    QuestionBuilder preferNotToSay(String value, LocalizedText label) {
      choices.add(new Choice(value, label, true));
      return this;
    }

    QuestionBuilder showIf(Condition condition) {
      this.showIf = condition;
      return this;
    }

    QuestionBuilder stratifier(String profileKey) {
      this.stratifier = new Stratifier(profileKey, List.of(), true);
      return this;
    }

    QuestionBuilder stratifier(String profileKey, Band... bands) {
      this.stratifier = new Stratifier(profileKey, List.of(bands), false);
      return this;
    }

    Question build() {
      return new Question(id, type, text, choices, min, max, maxLength, showIf, stratifier);
    }
  }
}
