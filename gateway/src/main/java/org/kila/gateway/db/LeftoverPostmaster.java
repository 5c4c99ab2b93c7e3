package org.kila.gateway.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a JVM that was killed ({@code kill -9}, OOM killer, power button on a
 * container) keeps running, holding the data directory, and the next start would wait for it and fail.
 * Before starting, this finds such a postmaster through {@code postmaster.pid} and stops it: SIGTERM,
 * then SIGKILL for it and its children if it does not go.
 *
 * <p>A postmaster is only stopped when no live process holds the embedded library's lock file in the data
 * directory: a running Kila is never touched.
 */
final class LeftoverPostmaster {
  /** The lock file the embedded library holds while its JVM runs. */
  static final String LIBRARY_LOCK_FILE = "epg-lock";

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
  private static final Duration POLITE_WAIT = Duration.ofSeconds(15);
  private static final Duration FORCED_WAIT = Duration.ofSeconds(10);

  private LeftoverPostmaster() {}

  /** Stops the postmaster left running in {@code pgDir}, if there is one; returns its pid. */
  static Optional<Long> stopIfAny(Path pgDir) {
    Optional<ProcessHandle> postmaster = livePostmaster(pgDir);
    if (postmaster.isEmpty()) {
      return Optional.empty();
    }
    ensureNoLiveOwner(pgDir, postmaster.get().pid());
    ProcessHandle p = postmaster.get();
    LOG.warn("A PostgreSQL server (pid {}) is still running in {} from an earlier Kila process that did not shut down;"
        + " stopping it", p.pid(), pgDir);
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy(); // SIGTERM: a smart shutdown, fine since the dead JVM's connections are gone
    if (!exited(p, POLITE_WAIT)) {
      LOG.warn("PostgreSQL (pid {}) did not stop within {}s; killing it", p.pid(), POLITE_WAIT.toSeconds());
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      if (!exited(p, FORCED_WAIT)) {
        throw new DatabaseException("could not stop the PostgreSQL server (pid " + p.pid() + ") left running in " + pgDir
            + ": stop it by hand, then start Kila again");
      }
    }
    // Its children must be gone too, or the new server finds their shared memory still attached.
    children.forEach(c -> exited(c, FORCED_WAIT));
    return Optional.of(p.pid());
  }

  /** The live postgres process named by {@code postmaster.pid}, if any. */
  static Optional<ProcessHandle> livePostmaster(Path pgDir) {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    long pid;
    try {
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      pid = Long.parseLong(lines.get(0).trim());
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // unreadable or half-written: PostgreSQL itself will judge it on start
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LeftoverPostmaster::isPostgres);
  }

  private static boolean isPostgres(ProcessHandle p) {
    // A recycled pid may belong to anything by now: only a postgres binary is ours to stop.
    return p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
  }

  private static void ensureNoLiveOwner(Path pgDir, long pid) {
    Path lock = pgDir.resolve(LIBRARY_LOCK_FILE);
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = channel.tryLock();
      if (held == null) {
        throw inUse(pgDir, pid);
      }
      held.release();
    } catch (OverlappingFileLockException e) {
      throw inUse(pgDir, pid);
    } catch (IOException e) {
      throw new DatabaseException("could not check whether another Kila uses " + pgDir + ": " + e.getMessage(), e);
    }
  }

  private static DatabaseException inUse(Path pgDir, long pid) {
    return new DatabaseException("the embedded database in " + pgDir + " is in use by another running Kila (PostgreSQL pid "
        + pid + "): stop it first, or give this one another KILA_DATA_DIR");
  }

  private static boolean exited(ProcessHandle p, Duration wait) {
    try {
      p.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !p.isAlive();
    } catch (ExecutionException e) {
      return !p.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }
}
