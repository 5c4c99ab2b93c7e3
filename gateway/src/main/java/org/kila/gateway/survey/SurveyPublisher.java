package org.kila.gateway.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.survey.Surveys;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;

/**
 * Loads the survey definitions a gateway starts with (a directory, or the bundled examples), refuses to
 * start when any of them does not validate, stores and launches the versions not stored yet, and returns
 * every launched survey. A version already stored keeps the status an admin gave it.
 */
public final class SurveyPublisher {
  /** The example surveys packaged from {@code survey-definitions/examples/} (see its pom). */
  public static final List<String> BUNDLED = List.of("youth-voice-ke.json", "wg-service-feedback.json");
  private static final String BUNDLED_PATH = "org/kila/survey/examples/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final ChannelProfile ussdCheck;
  private final Clock clock;

  public SurveyPublisher(Jdbi jdbi, ChannelProfile ussdCheck, Clock clock) {
    this.jdbi = jdbi;
    this.ussdCheck = ussdCheck;
    this.clock = clock;
  }

  /** One definition file as read: where it came from and its text. */
  record Source(String name, String json) {}

  /** Raised when a definition file does not validate; lists every problem of every file. */
  public static final class InvalidSurveysException extends RuntimeException {
    public InvalidSurveysException(List<String> lines) {
      super("survey definitions do not validate, nothing was started:\n  " + String.join("\n  ", lines));
    }
  }

  public List<CompiledSurvey> publish(Optional<Path> surveysDir) {
    List<Source> sources = surveysDir.map(SurveyPublisher::readDirectory).orElseGet(SurveyPublisher::readBundled);
    List<String> problems = new ArrayList<>();
    List<Loaded> loaded = new ArrayList<>();
    for (Source source : sources) {
      Surveys.Loaded result = Surveys.load(source.json(), ussdCheck);
      if (result.ok()) {
        loaded.add(new Loaded(source, result.survey()));
      } else {
        result.problems().forEach(p -> problems.add(source.name() + ": " + p));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSurveysException(problems);
    }
    for (Loaded survey : loaded) {
      jdbi.useTransaction(h -> {
        SurveyDao dao = h.attach(SurveyDao.class);
        CompiledSurvey s = survey.survey();
        Optional<SurveyVersionRow> stored = dao.findVersion(s.id(), s.version());
        if (stored.isPresent()) {
          if (!sameJson(stored.get().definition(), survey.source().json())) {
            throw new InvalidSurveysException(List.of(survey.source().name() + ": survey '" + s.id() + "' version "
                + s.version() + " is already stored with a different definition: give the changed definition a new version number"));
          }
          return;
        }
        dao.saveVersion(s.id(), s.version(), s.definition().title().in(s.definition().languageCodes().get(0)),
            survey.source().json(), clock.instant());
        dao.claimTriggers(s.id(), s.version(), s.definition().triggers(), clock.instant());
        dao.launch(s.id(), s.version(), clock.instant());
      });
    }
    return launched();
  }

  private record Loaded(Source source, CompiledSurvey survey) {}

  /** Every launched survey, compiled; a stored one that no longer validates is a startup error. */
  public List<CompiledSurvey> launched() {
    List<CompiledSurvey> live = new ArrayList<>();
    for (SurveyVersionRow row : jdbi.withExtension(SurveyDao.class, SurveyDao::launched)) {
      Surveys.Loaded result = Surveys.load(row.definition(), ussdCheck);
      if (!result.ok()) {
        throw new InvalidSurveysException(result.problems().stream()
            .map(p -> "stored " + row.surveyId() + " v" + row.version() + ": " + p).toList());
      }
      live.add(result.survey());
    }
    return live;
  }

  /** Reads a stored definition by id and version, for sessions on a version this instance has not compiled. */
  public static BiFunction<String, Integer, Optional<String>> loader(Jdbi jdbi) {
    return (id, version) -> jdbi.withExtension(SurveyDao.class, dao -> dao.findVersion(id, version))
        .map(SurveyVersionRow::definition);
  }

  private static boolean sameJson(String a, String b) {
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static List<Source> readDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidSurveysException(List.of(dir + ": is not a directory (KILA_SURVEYS_DIR)"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Source> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        sources.add(new Source(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
      return sources;
    } catch (IOException e) {
      throw new InvalidSurveysException(List.of(dir + ": cannot be read: " + e.getMessage()));
    }
  }

  private static List<Source> readBundled() {
    List<Source> sources = new ArrayList<>();
    for (String name : BUNDLED) {
      try (InputStream in = SurveyPublisher.class.getClassLoader().getResourceAsStream(BUNDLED_PATH + name)) {
        if (in == null) {
          throw new IllegalStateException("bundled survey " + name + " is missing from the jar");
        }
        sources.add(new Source(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException("bundled survey " + name + " cannot be read", e);
      }
    }
    return sources;
  }
}
