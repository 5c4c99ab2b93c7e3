package org.kila.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU the gateway, PostgreSQL, the load generator and everything else on the machine used over
 * a stretch of time. On a two-core machine they share, this says who the bottleneck was, and CPU time per
 * hop stays comparable between runs even when other work on the machine slows a run down.
 */
public final class CpuUse {
  private final long gatewayPid;
  private final long postmasterPid;
  private final double gateway0;
  private final double postgres0;
  private final double generator0;
  private final double machine0;
  private final long t0 = System.nanoTime();

  private CpuUse(long gatewayPid, long postmasterPid) {
    this.gatewayPid = gatewayPid;
    this.postmasterPid = postmasterPid;
    this.gateway0 = ProcFs.cpuSeconds(gatewayPid);
    this.postgres0 = ProcFs.cpuSecondsWithChildren(postmasterPid);
    this.generator0 = ProcFs.cpuSeconds(ProcessHandle.current().pid());
    this.machine0 = machineBusySeconds();
  }

  /** Starts counting now. */
  public static CpuUse from(long gatewayPid, long postmasterPid) {
    return new CpuUse(gatewayPid, postmasterPid);
  }

  /** Cores used on average since {@link #from}, by whom. */
  public record Cores(double gateway, double postgres, double generator, double others, double seconds) {
    /** "cores used: gateway 1.05 (1.9 ms CPU a hop), PostgreSQL 0.61 (0.7 ms a hop), generator 0.22, ...". */
    public String describe(long hops) {
      return String.format("cores used: gateway %.2f (%.2f ms CPU a hop), PostgreSQL %.2f (%.2f ms a hop), "
          + "generator %.2f, other work on the machine %.2f", gateway, perHop(gateway, hops), postgres,
          perHop(postgres, hops), generator, others);
    }

    /**
     * Hops a second this machine's cores could carry if the gateway and PostgreSQL had them to themselves
     * (the load generator elsewhere, nothing else running), at the CPU per hop measured here.
     */
    public double ceiling(long hops) {
      double perHop = perHop(gateway, hops) + perHop(postgres, hops);
      return perHop == 0 ? 0 : Runtime.getRuntime().availableProcessors() * 1000 / perHop;
    }

    private double perHop(double cores, long hops) {
      return hops == 0 ? 0 : cores * seconds * 1000 / hops;
    }
  }

  public Cores cores() {
    double seconds = (System.nanoTime() - t0) / 1e9;
    double gateway = (ProcFs.cpuSeconds(gatewayPid) - gateway0) / seconds;
    double postgres = (ProcFs.cpuSecondsWithChildren(postmasterPid) - postgres0) / seconds;
    double generator = (ProcFs.cpuSeconds(ProcessHandle.current().pid()) - generator0) / seconds;
    double machine = (machineBusySeconds() - machine0) / seconds;
    return new Cores(gateway, postgres, generator, Math.max(0, machine - gateway - postgres - generator), seconds);
  }

  /** Busy CPU seconds of the whole machine so far (all cores, everything but idle and iowait). */
  private static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / 100.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
