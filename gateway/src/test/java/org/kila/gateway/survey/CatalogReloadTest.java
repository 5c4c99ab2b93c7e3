package org.kila.gateway.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyStatus;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.model.Triggers;
import org.kila.survey.render.ChannelProfile;

/**
 * The catalog follows the database: launched surveys on their codes and keywords, paused ones known as
 * paused, and closed ones known by their codes and keywords until another survey takes them.
 */
class CatalogReloadTest {
  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  @Test
  void launchedAndPausedVersionsAreServedAsSuchAndABrokenOneIsSkipped() {
    SurveyDao surveys = db.dao(SurveyDao.class);
    launch(surveys, "youth-voice-ke.json", "youth-voice-ke", 1, "*384*12#");
    launch(surveys, "wg-service-feedback.json", "wg-service-feedback", 2, "*384*13#");
    surveys.setStatus("wg-service-feedback", 2, SurveyStatus.PAUSED, NOW);
    surveys.saveVersion("broken", 1, "Broken", "{\"id\": \"broken\", \"version\": 1}", NOW);
    surveys.launch("broken", 1, NOW);

    SurveyCatalog catalog = new SurveyCatalog(SurveyPublisher.loader(db.jdbi()), ChannelProfile.ussdDefault());
    new CatalogReload(db.jdbi(), catalog).run();

    assertEquals("youth-voice-ke", catalog.forUssdCode("*384*12#").map(CompiledSurvey::id).orElseThrow());
    assertTrue(catalog.forUssdCode("*384*13#").isEmpty(), "a paused survey takes nobody new");
    assertEquals("wg-service-feedback", catalog.pausedForUssdCode("*384*13#").map(CompiledSurvey::id).orElseThrow());
    assertTrue(catalog.forSmsKeyword("asibiti").isEmpty(), "nor by SMS");
    assertEquals("wg-service-feedback", catalog.pausedForSmsKeyword("asibiti").map(CompiledSurvey::id).orElseThrow());
    assertTrue(catalog.closedForSmsKeyword("ASIBITI").isEmpty(), "paused is not closed");
    assertTrue(catalog.closedForUssdCode("*384*13#").isEmpty(), "paused is not closed");
    assertEquals(List.of("youth-voice-ke"), catalog.live().stream().map(CompiledSurvey::id).toList(),
        "the broken one is logged and left out; the others are still served");

    surveys.setStatus("wg-service-feedback", 2, SurveyStatus.CLOSED, NOW);
    surveys.releaseTriggersExcept("wg-service-feedback", new String[0], new String[0]);
    new CatalogReload(db.jdbi(), catalog).run();
    assertTrue(catalog.pausedForUssdCode("*384*13#").isEmpty(), "closed: the code is free");
    assertTrue(catalog.pausedForSmsKeyword("ASIBITI").isEmpty());
    assertEquals(new ClosedSurvey("wg-service-feedback", 2, "en"), catalog.closedForSmsKeyword(" asibiti ").orElseThrow(),
        "a text with its keyword can be told it has closed, in its first language");
    assertEquals(new ClosedSurvey("wg-service-feedback", 2, "en"), catalog.closedForUssdCode("*384*13#").orElseThrow(),
        "so can a dial of its code");
    assertTrue(catalog.closedForUssdCode("*384*12#").isEmpty(), "a live survey's code");
    assertTrue(catalog.closedForUssdCode("*384*99#").isEmpty(), "a code nobody ever had");
    assertEquals("youth-voice-ke", catalog.forSmsKeyword("SAUTI").map(CompiledSurvey::id).orElseThrow());
    assertTrue(catalog.closedForSmsKeyword("SAUTI").isEmpty());

    // Another survey takes the closed survey's keyword: texts with it start that survey.
    launchCopy(surveys, "clinic-2", "*384*14#", "ASIBITI");
    new CatalogReload(db.jdbi(), catalog).run();
    assertEquals("clinic-2", catalog.forSmsKeyword("asibiti").map(CompiledSurvey::id).orElseThrow());
    assertTrue(catalog.closedForSmsKeyword("asibiti").isEmpty(), "a live survey's keyword is its own");
    assertEquals(new ClosedSurvey("wg-service-feedback", 2, "en"), catalog.closedForUssdCode("*384*13#").orElseThrow(),
        "the code the new survey did not take still says the old one has closed");

    // And another takes the closed survey's code: dials start that survey.
    launchCopy(surveys, "clinic-3", "*384*13#", "KLINIKI");
    new CatalogReload(db.jdbi(), catalog).run();
    assertEquals("clinic-3", catalog.forUssdCode("*384*13#").map(CompiledSurvey::id).orElseThrow());
    assertTrue(catalog.closedForUssdCode("*384*13#").isEmpty(), "a live survey's code is its own");
  }

  /** A copy of wg-service-feedback as survey {@code id} on {@code code} and {@code keyword}, launched. */
  private static void launchCopy(SurveyDao surveys, String id, String code, String keyword) {
    String copy = example("wg-service-feedback.json").replace("\"wg-service-feedback\"", "\"" + id + "\"")
        .replace("\"*384*13#\"", "\"" + code + "\"").replace("\"ASIBITI\"", "\"" + keyword + "\"");
    surveys.saveVersion(id, 1, id, copy, NOW);
    surveys.claimTriggers(id, 1, new Triggers(List.of(code), List.of(keyword)), NOW);
    surveys.launch(id, 1, NOW);
  }

  private static void launch(SurveyDao surveys, String file, String id, int version, String code) {
    surveys.saveVersion(id, version, id, example(file), NOW);
    surveys.claimTriggers(id, version, new Triggers(List.of(code), List.of()), NOW);
    surveys.launch(id, version, NOW);
  }

  private static String example(String name) {
    try (InputStream in = CatalogReloadTest.class.getClassLoader().getResourceAsStream("org/kila/survey/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
