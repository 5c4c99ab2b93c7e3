package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kila.survey.engine.SurveyBuilder.target;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kila.survey.model.Quota;

class QuotaGateTest {
  private static final Quota BY_GENDER =
      new Quota("by_gender", List.of("gender"), List.of(target(50, "gender", "female"), target(50, "gender", "male")));
  private static final Quota BY_GENDER_AND_AREA = new Quota("by_gender_area", List.of("gender", "location_type"),
      List.of(target(20, "gender", "female", "location_type", "rural")));
  private static final List<Quota> QUOTAS = List.of(BY_GENDER, BY_GENDER_AND_AREA);
  private static final QuotaCounts ALL_FULL = (quotaId, stratumKey) -> 1_000;

  @Test
  void aFullStratumScreensOutWhenItBecomesKnown() {
    assertEquals(Optional.of(new SurveyEvent.ScreenedOut("by_gender", "gender=female")),
        QuotaGate.screenOut(QUOTAS, Map.of(), Map.of("gender", "female"), ALL_FULL));
  }

  @Test
  void aStratumWithRoomLetsTheRespondentIn() {
    QuotaCounts femaleAt49 = (quotaId, stratumKey) -> stratumKey.equals("gender=female") ? 49 : 0;
    assertEquals(Optional.empty(), QuotaGate.screenOut(QUOTAS, Map.of(), Map.of("gender", "female"), femaleAt49));
  }

  @Test
  void aStratumWithoutATargetIsNeverFull() {
    assertEquals(Optional.empty(), QuotaGate.screenOut(QUOTAS, Map.of(), Map.of("gender", "prefer_not"), ALL_FULL));
  }

  @Test
  void aQuotaIsCheckedOnlyWhenItsStratumBecomesKnownOrChanges() {
    Map<String, String> female = Map.of("gender", "female");
    Map<String, String> femaleRural = Map.of("gender", "female", "location_type", "rural");
    QuotaCounts onlyGenderFull = (quotaId, stratumKey) -> quotaId.equals("by_gender") ? 1_000 : 0;
    assertEquals(Optional.empty(), QuotaGate.screenOut(QUOTAS, female, femaleRural, onlyGenderFull),
        "by_gender was decided when gender became known; learning the area does not check it again");
    assertEquals(Optional.of(new SurveyEvent.ScreenedOut("by_gender_area", "gender=female|location_type=rural")),
        QuotaGate.screenOut(QUOTAS, female, femaleRural, ALL_FULL));
    assertEquals(Optional.of(new SurveyEvent.ScreenedOut("by_gender", "gender=male")),
        QuotaGate.screenOut(QUOTAS, female, Map.of("gender", "male"), ALL_FULL), "a changed answer is a new stratum");
  }

  @Test
  void completedCellsAreTheStrataWithATarget() {
    assertEquals(List.of(new SurveyEvent.QuotaCell("by_gender", "gender=female"),
            new SurveyEvent.QuotaCell("by_gender_area", "gender=female|location_type=rural")),
        QuotaGate.cells(QUOTAS, Map.of("gender", "female", "location_type", "rural")));
    assertEquals(List.of(new SurveyEvent.QuotaCell("by_gender", "gender=male")),
        QuotaGate.cells(QUOTAS, Map.of("gender", "male", "location_type", "rural")));
    assertEquals(List.of(), QuotaGate.cells(QUOTAS, Map.of("gender", "prefer_not")));
  }
}
