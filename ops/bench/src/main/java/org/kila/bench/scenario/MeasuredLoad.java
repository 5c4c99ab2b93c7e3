package org.kila.bench.scenario;

import java.time.Duration;
import org.kila.bench.Rig;
import org.kila.bench.check.AnswerCheck;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.LoadRun;
import org.kila.bench.run.CpuUse;
import org.kila.bench.run.MemoryTrend;

/**
 * One load phase with everything measured around it: latencies, the gateway's memory and everyone's CPU
 * during the measured window, the gateway's own hop counters, and the database check afterwards.
 *
 * @param overloadedCounted how many hops the gateway counted as turned away for overload in the window
 * @param gatewayExit null, or how the gateway process ended when something outside stopped it mid-run
 */
record MeasuredLoad(HopStats stats, AnswerCheck.Result check, MemoryTrend.Summary memory, CpuUse.Cores cores,
    double overloadedCounted, Crowd crowd, String gatewayExit) {

  /** Null when the gateway ran through the whole run; otherwise how it ended (the figures are void). */
  String lostGateway() {
    return gatewayExit;
  }

  /** What a row's figures start with: nothing, or that they are void because the gateway went away. */
  String voidMark() {
    return gatewayExit == null ? "" : "VOID, " + gatewayExit + ": ";
  }

  /** Open loop at {@code hopsPerSecond}; respondents think 1-3 s between screens. */
  static MeasuredLoad openLoop(Rig rig, String name, double hopsPerSecond, LoadRun.Phases phases) throws Exception {
    Crowd crowd = rig.crowd(name, Duration.ofSeconds(1), Duration.ofSeconds(3), 0, false);
    return around(rig, crowd, phases, () -> LoadRun.openLoop(crowd, hopsPerSecond, phases));
  }

  /** Closed loop: {@code respondents} who answer the moment a screen arrives. */
  static MeasuredLoad closedLoop(Rig rig, String name, int respondents, LoadRun.Phases phases) throws Exception {
    Crowd crowd = rig.crowd(name, Duration.ZERO, Duration.ZERO, 0, false);
    return around(rig, crowd, phases, () -> LoadRun.closedLoop(crowd, respondents, phases));
  }

  private interface Load {
    HopStats run();
  }

  private static MeasuredLoad around(Rig rig, Crowd crowd, LoadRun.Phases phases, Load load) throws Exception {
    long pid = rig.gateway().pid();
    long sampleMillis = Math.max(1_000, phases.measure().toMillis() / 120);
    // Memory and CPU are read over the measured window only: the warm-up is the JIT's, not a leak.
    MemoryTrend[] memory = new MemoryTrend[1];
    CpuUse[] cpu = new CpuUse[1];
    CpuUse.Cores[] cores = new CpuUse.Cores[1];
    double[] overloaded = new double[2];
    Thread window = new Thread(() -> {
      LoadRun.sleep(phases.warmup());
      overloaded[0] = PromText.sum(rig.gateway().metrics(), "kila_ussd_hops_total", "outcome=\"overloaded\"");
      memory[0] = new MemoryTrend(() -> pid, sampleMillis);
      cpu[0] = CpuUse.from(pid, rig.postgres().postmasterPid());
      LoadRun.sleep(phases.measure());
      cores[0] = cpu[0].cores();
      memory[0].close();
      overloaded[1] = PromText.sum(rig.gateway().metrics(), "kila_ussd_hops_total", "outcome=\"overloaded\"");
    }, "bench-window");
    window.start();
    String[] exit = new String[1];
    HopStats stats = load.run();
    window.join();
    java.nio.file.Files.writeString(rig.options().work().resolve("timeline-" + crowd.prefix() + ".csv"), stats.timeline());
    if (!rig.gateway().alive()) {
      exit[0] = "the gateway process " + rig.gateway().exitStatus() + " during the run";
    }
    AnswerCheck.Result check = rig.database().check(crowd.prefix(), crowd.everyone());
    return new MeasuredLoad(stats, check, memory[0].summary(), cores[0], overloaded[1] - overloaded[0], crowd, exit[0]);
  }

  /**
   * Who used the CPU in the measured window, with CPU time per answered hop (a turned-away hop costs next
   * to nothing, so counting it would flatter an overloaded run).
   */
  String cpu() {
    return cores.describe(stats.answered());
  }
}
