package org.kila.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux says about a process and the machine, read from {@code /proc}. */
public final class ProcFs {
  /** Clock ticks per second of {@code /proc/<pid>/stat} times; 100 on every Linux this runs on. */
  private static final double TICKS = 100.0;

  private ProcFs() {}

  /** Resident memory of {@code pid} in MiB (VmRSS), or -1 when the process is gone. */
  public static double rssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** User plus system CPU seconds used so far by {@code pid}, or -1 when it is gone. */
  public static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name (which may hold spaces) start after the last ')'.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU seconds of {@code root} and its direct children (a postmaster and its backends), including children
   * that have exited since (their time is added to the root's when it reaps them); 0 when gone.
   */
  public static double cpuSecondsWithChildren(long root) {
    double total = 0;
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          String stat = Files.readString(dir.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(dir.getFileName().toString());
          if (pid == root) {
            total += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                / TICKS;
          } else if (Long.parseLong(f[1]) == root) {
            total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
          }
        } catch (IOException | RuntimeException e) {
          // The process ended while we looked: its time is gone with it.
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  /** "2 cores, 23.4 GiB, Intel(R) Xeon(R) Processor": the machine a figure was measured on. */
  public static String machine() {
    String model = "unknown CPU";
    double memGiB = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memGiB = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
        }
      }
    } catch (IOException e) {
      // Not Linux: the row says so through the defaults.
    }
    return String.format("%d cores, %.1f GiB, %s", Runtime.getRuntime().availableProcessors(), memGiB, model);
  }
}
