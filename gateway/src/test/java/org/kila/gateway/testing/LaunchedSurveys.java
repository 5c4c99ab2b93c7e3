package org.kila.gateway.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.store.SurveyDao;
import org.kila.survey.Surveys;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;

/** Stores and launches survey definitions written in a test, as the admin page's launch would. */
public final class LaunchedSurveys {
  private LaunchedSurveys() {}

  /** Validates, stores and launches each definition; returns them compiled. */
  public static List<CompiledSurvey> launch(Jdbi jdbi, String... definitions) {
    List<CompiledSurvey> launched = new ArrayList<>();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    for (String json : definitions) {
      Surveys.Loaded loaded = Surveys.load(json, ChannelProfile.ussdDefault());
      if (!loaded.ok()) {
        throw new IllegalArgumentException("test survey does not validate: " + loaded.problems());
      }
      CompiledSurvey survey = loaded.survey();
      jdbi.useExtension(SurveyDao.class, dao -> {
        dao.saveVersion(survey.id(), survey.version(), survey.id(), json, now);
        dao.claimTriggers(survey.id(), survey.version(), survey.definition().triggers(), now);
        dao.launch(survey.id(), survey.version(), now);
      });
      launched.add(survey);
    }
    return launched;
  }

  /**
   * A one-question survey in English and Kiswahili on {@code ussdCode} and SMS {@code keyword}, with
   * {@code smsBlock} (JSON, or empty for none) as its "sms" settings.
   */
  public static String poll(String id, String ussdCode, String keyword, String smsBlock) {
    return """
        {"id": "%s", "version": 1, "title": {"en": "Poll %s", "sw": "Kura %s"},
         "languages": [{"code": "en", "name": "English"}, {"code": "sw", "name": "Kiswahili"}],
         "triggers": {"ussd": ["%s"], "sms": ["%s"]},
         "questions": [{"id": "school", "type": "yes_no", "text": {"en": "Are you in school?", "sw": "Uko shuleni?"}}]%s}
        """.formatted(id, id, id, ussdCode, keyword, smsBlock.isEmpty() ? "" : ", \"sms\": " + smsBlock);
  }
}
