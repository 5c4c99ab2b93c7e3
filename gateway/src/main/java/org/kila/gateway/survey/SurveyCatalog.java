package org.kila.gateway.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.kila.survey.Surveys;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;

/**
 * The compiled surveys a gateway serves, kept in memory so that no hop re-parses a definition: every
 * version by id, and the live version behind each USSD service code and SMS keyword. A version this
 * instance has not seen (launched by another instance) is read once through the loader and compiled.
 */
public final class SurveyCatalog {
  private final Map<String, CompiledSurvey> versions = new ConcurrentHashMap<>();
  private final BiFunction<String, Integer, Optional<String>> definitionLoader;
  private final ChannelProfile ussdProfile;
  private volatile Map<String, CompiledSurvey> byUssdCode = Map.of();
  private volatile Map<String, CompiledSurvey> bySmsKeyword = Map.of();
  private volatile List<CompiledSurvey> live = List.of();

  /** {@code definitionLoader}: (survey id, version) -> the stored definition JSON. */
  public SurveyCatalog(BiFunction<String, Integer, Optional<String>> definitionLoader, ChannelProfile ussdProfile) {
    this.definitionLoader = definitionLoader;
    this.ussdProfile = ussdProfile;
  }

  /** Replaces the set of live surveys (each on its triggers). */
  public synchronized void setLive(List<CompiledSurvey> live) {
    Map<String, CompiledSurvey> ussd = new HashMap<>();
    Map<String, CompiledSurvey> sms = new HashMap<>();
    for (CompiledSurvey survey : live) {
      versions.put(key(survey.id(), survey.version()), survey);
      survey.definition().triggers().ussdCodes().forEach(code -> ussd.put(code, survey));
      survey.definition().triggers().smsKeywords().forEach(k -> sms.put(SmsKeywords.normalise(k), survey));
    }
    byUssdCode = Map.copyOf(ussd);
    bySmsKeyword = Map.copyOf(sms);
    this.live = List.copyOf(live);
  }

  public Optional<CompiledSurvey> forUssdCode(String serviceCode) {
    return Optional.ofNullable(byUssdCode.get(serviceCode));
  }

  public Optional<CompiledSurvey> forSmsKeyword(String keyword) {
    return Optional.ofNullable(bySmsKeyword.get(SmsKeywords.normalise(keyword)));
  }

  public List<CompiledSurvey> live() {
    return live;
  }

  /** A given version, live or not; sessions stay on the version they started with. */
  public CompiledSurvey version(String surveyId, int version) {
    return versions.computeIfAbsent(key(surveyId, version), k -> {
      String json = definitionLoader.apply(surveyId, version).orElseThrow(
          () -> new IllegalStateException("survey " + surveyId + " version " + version + " is not stored"));
      Surveys.Loaded loaded = Surveys.load(json, ussdProfile);
      if (!loaded.ok()) {
        throw new IllegalStateException("stored survey " + surveyId + " v" + version + " no longer validates: " + loaded.problems());
      }
      return loaded.survey();
    });
  }

  private static String key(String surveyId, int version) {
    return surveyId + "@" + version;
  }
}
