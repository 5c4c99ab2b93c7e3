package org.kila.survey.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  private static final List<String> FIELDS = List.of("id", "type", "text", "choices", "showIf", "stratifier", "maxLength");

  @Test
  void suggestsTheFieldADesignerMistyped() {
    assertEquals(Optional.of("choices"), DidYouMean.closest("choises", FIELDS));
    assertEquals(Optional.of("showIf"), DidYouMean.closest("showif", FIELDS), "case is ignored");
    assertEquals(Optional.of("maxLength"), DidYouMean.closest("maxLenght", FIELDS), "a swap of two letters is one edit");
    assertEquals(Optional.of("type"), DidYouMean.closest("typ", FIELDS));
  }

  @Test
  void suggestsTheLongerNameAPrefixStartsOnlyFromFourLetters() {
    List<String> types = List.of("single_choice", "multiple_choice", "number", "yes_no", "text");
    assertEquals(Optional.of("multiple_choice"), DidYouMean.closest("multiple", types));
    assertEquals(Optional.of("single_choice"), DidYouMean.closest("Single", types));
    assertEquals(Optional.empty(), DidYouMean.closest("mu", types));
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertEquals(Optional.empty(), DidYouMean.closest("colour", FIELDS));
    assertEquals(Optional.empty(), DidYouMean.closest("xy", FIELDS));
    assertEquals("", DidYouMean.suffix("description", FIELDS));
  }

  @Test
  void formatsTheSuggestionForAProblemMessage() {
    assertEquals(" (did you mean \"stratifier\"?)", DidYouMean.suffix("stratifer", FIELDS));
  }
}
