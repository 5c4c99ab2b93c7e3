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
  private volatile List<CompiledSurvey> paused = List.of();
  private volatile Map<String, CompiledSurvey> pausedByUssdCode = Map.of();
  private volatile Map<String, CompiledSurvey> pausedBySmsKeyword = Map.of();
  private volatile Map<String, ClosedSurvey> closedByUssdCode = Map.of();
  private volatile Map<String, ClosedSurvey> closedBySmsKeyword = Map.of();
  private volatile Closed closedAsGiven = Closed.NONE;

  /**
   * Surveys that are over, by each USSD code and each SMS keyword they had, so a respondent who dials or
   * texts one is told the survey has closed rather than that the code is unknown.
   */
  public record Closed(Map<String, ClosedSurvey> byUssdCode, Map<String, ClosedSurvey> bySmsKeyword) {
    public static final Closed NONE = new Closed(Map.of(), Map.of());

    public Closed {
      byUssdCode = Map.copyOf(byUssdCode);
      bySmsKeyword = Map.copyOf(bySmsKeyword);
    }
  }

  /** {@code definitionLoader}: (survey id, version) -> the stored definition JSON. */
  public SurveyCatalog(BiFunction<String, Integer, Optional<String>> definitionLoader, ChannelProfile ussdProfile) {
    this.definitionLoader = definitionLoader;
    this.ussdProfile = ussdProfile;
  }

  /** Replaces the set of live surveys (each on its triggers); the paused and closed ones stay as they are. */
  public synchronized void setLive(List<CompiledSurvey> live) {
    setServing(live, paused, closedAsGiven);
  }

  /** Replaces the live surveys and the paused ones; the closed ones stay as they are. */
  public synchronized void setServing(List<CompiledSurvey> live, List<CompiledSurvey> paused) {
    setServing(live, paused, closedAsGiven);
  }

  /**
   * Replaces the live surveys, the paused ones and the closed ones. A paused survey keeps its codes and
   * keywords (nobody else may take them), but a new respondent dialling or texting one is told that the
   * survey is paused instead of starting it. {@code closed}: surveys that are over, by each code and
   * keyword they had; a code or keyword a live or paused survey has now is theirs.
   */
  public synchronized void setServing(List<CompiledSurvey> live, List<CompiledSurvey> paused, Closed closed) {
    Map<String, CompiledSurvey> pausedUssd = new HashMap<>();
    Map<String, CompiledSurvey> pausedSms = new HashMap<>();
    for (CompiledSurvey survey : paused) {
      versions.put(key(survey.id(), survey.version()), survey);
      survey.definition().triggers().ussdCodes().forEach(code -> pausedUssd.put(code, survey));
      survey.definition().triggers().smsKeywords().forEach(k -> pausedSms.put(SmsKeywords.normalise(k), survey));
    }
    pausedByUssdCode = Map.copyOf(pausedUssd);
    pausedBySmsKeyword = Map.copyOf(pausedSms);
    this.paused = List.copyOf(paused);
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
    Map<String, ClosedSurvey> closedSms = new HashMap<>();
    closed.bySmsKeyword().forEach((keyword, survey) -> {
      String normalised = SmsKeywords.normalise(keyword);
      if (!sms.containsKey(normalised) && !pausedSms.containsKey(normalised)) {
        closedSms.put(normalised, survey);
      }
    });
    Map<String, ClosedSurvey> closedUssd = new HashMap<>(closed.byUssdCode());
    closedUssd.keySet().removeIf(code -> ussd.containsKey(code) || pausedUssd.containsKey(code));
    closedBySmsKeyword = Map.copyOf(closedSms);
    closedByUssdCode = Map.copyOf(closedUssd);
    closedAsGiven = closed;
  }

  public Optional<CompiledSurvey> forUssdCode(String serviceCode) {
    return Optional.ofNullable(byUssdCode.get(serviceCode));
  }

  /** The paused survey behind a USSD service code, so the respondent can be told it is paused. */
  public Optional<CompiledSurvey> pausedForUssdCode(String serviceCode) {
    return Optional.ofNullable(pausedByUssdCode.get(serviceCode));
  }

  /** The survey that is over behind a USSD service code, so the respondent can be told it has closed. */
  public Optional<ClosedSurvey> closedForUssdCode(String serviceCode) {
    return Optional.ofNullable(closedByUssdCode.get(serviceCode));
  }

  public Optional<CompiledSurvey> forSmsKeyword(String keyword) {
    return Optional.ofNullable(bySmsKeyword.get(SmsKeywords.normalise(keyword)));
  }

  /** The paused survey behind an SMS keyword, so the texter can be told it is paused. */
  public Optional<CompiledSurvey> pausedForSmsKeyword(String keyword) {
    return Optional.ofNullable(pausedBySmsKeyword.get(SmsKeywords.normalise(keyword)));
  }

  /** The survey that is over behind an SMS keyword, so the texter can be told it has closed. */
  public Optional<ClosedSurvey> closedForSmsKeyword(String keyword) {
    return Optional.ofNullable(closedBySmsKeyword.get(SmsKeywords.normalise(keyword)));
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
