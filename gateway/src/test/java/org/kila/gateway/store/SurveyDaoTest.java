package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.model.Triggers;
import org.kila.survey.render.ChannelProfile.Channel;

class SurveyDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  final SurveyDao surveys = db.dao(SurveyDao.class);

  @Test
  void aSavedVersionIsADraftUntilLaunched() throws Exception {
    String json = Fixtures.definition("draft-first", 1, "Youth voice");
    surveys.saveVersion("draft-first", 1, "Youth voice", json, Fixtures.T0);
    SurveyVersionRow draft = surveys.findVersion("draft-first", 1).orElseThrow();
    assertEquals(SurveyStatus.DRAFT, draft.status());
    assertEquals(null, draft.launchedAt());
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(json), mapper.readTree(draft.definition()));
    assertFalse(surveys.launched().stream().anyMatch(v -> v.surveyId().equals("draft-first")));

    surveys.launch("draft-first", 1, Fixtures.T0.plusSeconds(5));
    SurveyVersionRow launched = surveys.findVersion("draft-first", 1).orElseThrow();
    assertEquals(SurveyStatus.LAUNCHED, launched.status());
    assertEquals(Fixtures.T0.plusSeconds(5), launched.launchedAt());
    assertTrue(surveys.launched().stream().anyMatch(v -> v.surveyId().equals("draft-first")));
  }

  @Test
  void aDraftMayBeReplacedButALaunchedDefinitionMayNotChange() {
    surveys.saveVersion("fixed", 1, "Old", Fixtures.definition("fixed", 1, "Old"), Fixtures.T0);
    surveys.saveVersion("fixed", 1, "New", Fixtures.definition("fixed", 1, "New"), Fixtures.T0);
    assertEquals("New", surveys.findVersion("fixed", 1).orElseThrow().title());

    surveys.launch("fixed", 1, Fixtures.T0);
    surveys.saveVersion("fixed", 1, "New", Fixtures.definition("fixed", 1, "New"), Fixtures.T0); // same again: fine
    SurveyConflictException e = assertThrows(SurveyConflictException.class,
        () -> surveys.saveVersion("fixed", 1, "Newer", Fixtures.definition("fixed", 1, "Newer"), Fixtures.T0));
    assertEquals(List.of("survey 'fixed' version 1 has been launched with a different definition: "
        + "give the changed definition a new version number"), e.conflicts());
    assertEquals("New", surveys.findVersion("fixed", 1).orElseThrow().title());
  }

  @Test
  void launchingANewVersionClosesTheOldOne() {
    Fixtures.launchedSurvey(db.jdbi(), "versions", 1, "*384*20#");
    surveys.saveVersion("versions", 2, "v2", Fixtures.definition("versions", 2, "v2"), Fixtures.T0);
    surveys.launch("versions", 2, Fixtures.T0);
    assertEquals(SurveyStatus.CLOSED, surveys.findVersion("versions", 1).orElseThrow().status());
    assertEquals(SurveyStatus.LAUNCHED, surveys.findVersion("versions", 2).orElseThrow().status());
    assertEquals(List.of(1, 2), surveys.versions("versions").stream().map(SurveyVersionRow::version).toList());
  }

  @Test
  void twoLaunchedVersionsOfOneSurveyAreRefusedByTheDatabase() {
    Fixtures.launchedSurvey(db.jdbi(), "one-live", 1, "*384*21#");
    surveys.saveVersion("one-live", 2, "v2", Fixtures.definition("one-live", 2, "v2"), Fixtures.T0);
    assertThrows(UnableToExecuteStatementException.class,
        () -> surveys.setStatus("one-live", 2, SurveyStatus.LAUNCHED, Fixtures.T0));
  }

  @Test
  void pausingKeepsTheTriggerButShowsTheStatus() {
    Fixtures.launchedSurvey(db.jdbi(), "pausable", 1, "*384*22#");
    assertTrue(surveys.setStatus("pausable", 1, SurveyStatus.PAUSED, Fixtures.T0));
    assertEquals(SurveyStatus.PAUSED, surveys.findByTrigger(Channel.USSD, "*384*22#").orElseThrow().status());
    assertFalse(surveys.setStatus("no-such-survey", 1, SurveyStatus.PAUSED, Fixtures.T0));
  }

  @Test
  void codesAndKeywordsFindTheirSurveyAndKeywordsIgnoreCase() {
    surveys.saveVersion("sauti", 1, "Sauti", Fixtures.definition("sauti", 1, "Sauti"), Fixtures.T0);
    surveys.launch("sauti", 1, Fixtures.T0);
    surveys.claimTriggers("sauti", 1, new Triggers(List.of("*384*30#"), List.of("Sauti")), Fixtures.T0);

    SurveyTriggerRow byCode = surveys.findByTrigger(Channel.USSD, "*384*30#").orElseThrow();
    assertEquals(new SurveyTriggerRow(Channel.USSD, "*384*30#", "sauti", 1, SurveyStatus.LAUNCHED), byCode);
    assertEquals(new SurveyTriggerRow(Channel.SMS, "SAUTI", "sauti", 1, SurveyStatus.LAUNCHED),
        surveys.findByTrigger(Channel.SMS, "sauti").orElseThrow());
    assertEquals(Optional.empty(), surveys.findByTrigger(Channel.USSD, "*384*31#"));
    assertEquals(Optional.empty(), surveys.findByTrigger(Channel.SMS, "*384*30#"), "channels are apart");
    assertTrue(surveys.triggers().contains(byCode));
  }

  @Test
  void aCodeOrKeywordOfAnotherLiveSurveyCannotBeClaimedAndNothingChanges() {
    surveys.saveVersion("holder", 1, "Holder", Fixtures.definition("holder", 1, "Holder"), Fixtures.T0);
    surveys.launch("holder", 1, Fixtures.T0);
    surveys.claimTriggers("holder", 1, new Triggers(List.of("*384*40#"), List.of("HABARI")), Fixtures.T0);
    surveys.saveVersion("newcomer", 1, "Newcomer", Fixtures.definition("newcomer", 1, "Newcomer"), Fixtures.T0);
    surveys.launch("newcomer", 1, Fixtures.T0);

    SurveyConflictException e = assertThrows(SurveyConflictException.class, () -> surveys.claimTriggers("newcomer", 1,
        new Triggers(List.of("*384*41#", "*384*40#"), List.of("habari")), Fixtures.T0));
    assertEquals(List.of(
        "USSD code *384*40# is already used by survey 'holder' version 1: close that survey or choose another",
        "SMS keyword habari is already used by survey 'holder' version 1: close that survey or choose another"),
        e.conflicts());
    assertEquals(Optional.empty(), surveys.findByTrigger(Channel.USSD, "*384*41#"), "the free code was not claimed either");
    assertEquals("holder", surveys.findByTrigger(Channel.USSD, "*384*40#").orElseThrow().surveyId());
  }

  @Test
  void aClosedSurveysCodeMayBeClaimedByAnother() {
    Fixtures.launchedSurvey(db.jdbi(), "finished", 1, "*384*50#");
    surveys.setStatus("finished", 1, SurveyStatus.CLOSED, Fixtures.T0);
    Fixtures.launchedSurvey(db.jdbi(), "successor", 1, "*384*50#");
    assertEquals("successor", surveys.findByTrigger(Channel.USSD, "*384*50#").orElseThrow().surveyId());
  }

  @Test
  void aNewVersionTakesOverItsSurveysCodesAndReleasesTheOnesItDropped() {
    surveys.saveVersion("moving", 1, "v1", Fixtures.definition("moving", 1, "v1"), Fixtures.T0);
    surveys.launch("moving", 1, Fixtures.T0);
    surveys.claimTriggers("moving", 1, new Triggers(List.of("*384*60#", "*384*61#"), List.of("MOVE")), Fixtures.T0);

    surveys.saveVersion("moving", 2, "v2", Fixtures.definition("moving", 2, "v2"), Fixtures.T0);
    surveys.launch("moving", 2, Fixtures.T0);
    surveys.claimTriggers("moving", 2, new Triggers(List.of("*384*60#"), List.of("move")), Fixtures.T0);

    assertEquals(2, surveys.findByTrigger(Channel.USSD, "*384*60#").orElseThrow().version());
    assertEquals(2, surveys.findByTrigger(Channel.SMS, "MOVE").orElseThrow().version());
    assertEquals(Optional.empty(), surveys.findByTrigger(Channel.USSD, "*384*61#"), "released");
  }
}
