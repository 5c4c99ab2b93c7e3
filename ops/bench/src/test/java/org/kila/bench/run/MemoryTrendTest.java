package org.kila.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTrendTest {

  static List<double[]> samples(double start, double perSample) {
    List<double[]> s = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      s.add(new double[] {i * 6.0, start + i * perSample + (i % 2 == 0 ? 3 : -3)});
    }
    return s;
  }

  @Test
  void jitterAroundALevelIsFlat() {
    MemoryTrend.Summary s = new MemoryTrend(samples(1200, 0)).summary();
    assertTrue(s.flat(), s.describe());
    assertEquals(9.9, s.minutes(), 0.01);
  }

  @Test
  void aSteadyClimbIsALeak() {
    MemoryTrend.Summary s = new MemoryTrend(samples(1200, 1)).summary();
    assertFalse(s.flat(), s.describe());
    assertEquals(75, s.growthMiB(), 1);
  }

  @Test
  void readsThisProcessResidentMemory() {
    assertTrue(ProcFs.rssMiB(ProcessHandle.current().pid()) > 1);
    assertTrue(ProcFs.machine().contains("cores"));
  }
}
