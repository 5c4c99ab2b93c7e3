package org.kila.gateway.admin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kila.gateway.admin.ApiException;
import org.kila.survey.model.SurveyDefinition;

/** Reading {@code by=} and ordering strata as the survey lists their values. */
class StrataTest {
  static final SurveyDefinition YOUTH = TallyReportTest.YOUTH.definition();

  @Test
  void keysAreTrimmedAndRepeatsDropped() {
    assertEquals(List.of("gender", "age_band"), Strata.parse(" gender, age_band ,gender,", YOUTH).keys());
    assertEquals(List.of(), Strata.parse(null, YOUTH).keys());
    assertEquals(List.of(), Strata.parse("", YOUTH).keys());
  }

  @Test
  void anUnknownKeyIsRefusedWithTheStratifiersThereAre() {
    ApiException e = assertThrows(ApiException.class, () -> Strata.parse("county", YOUTH));
    assertEquals(400, e.status());
    assertEquals("'county' is not a stratifier of this survey. It has: gender, age_band, disability, location_type.",
        e.getMessage());
  }

  @Test
  void strataFollowTheChoicesThenUnlistedValuesThenUnknown() {
    Strata strata = Strata.parse("gender,age_band", YOUTH);
    List<List<String>> strata2 = new ArrayList<>(List.of(
        Arrays.asList(null, "18-24"), Arrays.asList("male", "30-35"), Arrays.asList("female", "30-35"),
        Arrays.asList("female", "18-24"), Arrays.asList("intersex", null), Arrays.asList("male", null)));
    strata2.sort(strata.order());
    assertEquals(List.of(Arrays.asList("female", "18-24"), Arrays.asList("female", "30-35"), Arrays.asList("male", "30-35"),
        Arrays.asList("male", null), Arrays.asList("intersex", null), Arrays.asList(null, "18-24")), strata2);
  }

  @Test
  void valuesTheSurveyDoesNotListSortAsNumbersWhenTheyAreNumbers() {
    List<String> values = new ArrayList<>(Arrays.asList("10", "9", "b", null, "a", "100"));
    values.sort(new ValueOrder(List.of()));
    assertEquals(Arrays.asList("9", "10", "100", "a", "b", null), values);
  }
}
