package org.kila.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which instance each hop goes to: sessions must really move between the two. */
class TwoInstancesTest {

  static List<Integer> instancesOfOneDial(long number, int hops) {
    List<Integer> chosen = new ArrayList<>();
    for (int hop = 0; hop < hops; hop++) {
      chosen.add(TwoInstances.choose(number, hop, 1));
    }
    return chosen;
  }

  @Test
  void anEvenNumberedRespondentsHopsAlternate() {
    assertEquals(List.of(0, 1, 0, 1, 0), instancesOfOneDial(4, 5));
    assertEquals(List.of(1, 0, 1, 0, 1), instancesOfOneDial(6, 5), "half of them start on the other instance");
  }

  @Test
  void anOddNumberedRespondentKeepsOneInstanceForADialAndSwitchesOnTheNext() {
    assertEquals(List.of(0, 0, 0, 0), instancesOfOneDial(5, 4));
    assertEquals(1, TwoInstances.choose(5, 4, 2));
    assertEquals(0, TwoInstances.choose(5, 9, 3));
    assertEquals(List.of(1, 1, 1), instancesOfOneDial(7, 3));
  }

  @Test
  void everyRedialLandsOnTheOtherInstanceThanTheHopBefore() {
    for (long number = 0; number < 8; number++) {
      for (int hops = 1; hops < 12; hops++) {
        int last = TwoInstances.choose(number, hops - 1, 1);
        assertNotEquals(last, TwoInstances.choose(number, hops, 2), "respondent " + number + " after hop " + hops);
      }
    }
  }
}
