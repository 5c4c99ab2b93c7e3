package org.kila.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HopInputTest {

  @Test
  void theNewInputIsWhatFollowsThePreviousText() {
    assertEquals("3", HopInput.newInput("1*2", "1*2*3"));
    assertEquals("my plot is 4*5", HopInput.newInput("1*2", "1*2*my plot is 4*5"));
    assertEquals("1", HopInput.newInput("", "1"));
  }

  @Test
  void anOlderHopDeliveredAgainIsRecognised() {
    assertTrue(HopInput.isEarlier("1*2*3", "1*2"));
    assertTrue(HopInput.isEarlier("1*2*3", "1"));
    assertTrue(HopInput.isEarlier("1*2*3", ""), "the first hop again, after answers");
  }

  @Test
  void theNextHopTheSameHopAndAFirstHopAreNotEarlier() {
    assertFalse(HopInput.isEarlier("1*2", "1*2*3"));
    assertFalse(HopInput.isEarlier("1*2", "1*2"));
    assertFalse(HopInput.isEarlier("", ""));
    assertFalse(HopInput.isEarlier(null, "1"));
    // Shares a prefix but not at an input boundary: a different hop, not an old one.
    assertFalse(HopInput.isEarlier("1*22*3", "1*2"));
  }
}
