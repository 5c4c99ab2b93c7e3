package org.kila.survey.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Gsm7Test {

  @Test
  void plainLatinTextIsGsm7AndCountsOneSeptetPerCharacter() {
    assertTrue(Gsm7.isGsm7("Habari! Je, una umri gani? 1. Ndiyo"));
    assertEquals(9, Gsm7.screenLength("Ça va? Øk"));
  }

  @Test
  void extensionCharactersCountTwo() {
    assertTrue(Gsm7.isGsm7("€[]{}"));
    assertEquals(10, Gsm7.screenLength("€[]{}"));
  }

  @Test
  void anyCharacterOutsideTheAlphabetMakesTheWholeTextUcs2() {
    assertFalse(Gsm7.isGsm7("तपाईंको उमेर"));
    assertFalse(Gsm7.isGsm7("Price: 5 ₦"));
    assertFalse(Gsm7.isGsm7("\u001B"), "the escape code is not text");
    assertEquals("আপনার বয়স কত?".length(), Gsm7.screenLength("আপনার বয়স কত?"));
  }

  @Test
  void segmentsFollowTheSingleAndConcatenatedLimits() {
    assertEquals(new Gsm7.Segments(false, 160, 1), Gsm7.segments("a".repeat(160)));
    assertEquals(new Gsm7.Segments(false, 161, 2), Gsm7.segments("a".repeat(161)));
    assertEquals(new Gsm7.Segments(true, 70, 1), Gsm7.segments("ক".repeat(70)));
    assertEquals(new Gsm7.Segments(true, 71, 2), Gsm7.segments("ক".repeat(71)));
  }

  @Test
  void anEscapePairIsNeverSplitAcrossSegments() {
    // 152 plain septets then a euro sign: the pair would straddle the 153 boundary, so it moves on.
    String text = "a".repeat(152) + "€" + "a".repeat(100);
    assertEquals(new Gsm7.Segments(false, 254, 2), Gsm7.segments(text));
    String full = "a".repeat(152) + "€" + "a".repeat(152);
    assertEquals(3, Gsm7.segments(full).count());
  }
}
