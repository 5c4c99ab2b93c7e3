package org.kila.gateway.db;

import java.nio.file.Path;

/** A JVM that starts an embedded server and waits to be killed: the "killed JVM" of {@link LeftoverPostmasterTest}. */
public final class EmbeddedServerProcess {
  public static void main(String[] args) throws InterruptedException {
    EmbeddedServer.start(Path.of(args[0]), EmbeddedServer.Durability.THROWAWAY);
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
