package org.kila.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server, to take the server away from a client and give it back as an outage
 * would: {@link #cut()} resets every relayed connection and refuses new ones; {@link #restore()} listens
 * again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = listen(0);
    this.port = server.getLocalPort();
    acceptOn(server);
  }

  /** The port the relay listens on, 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Closes the listening socket and resets every connection: the server is gone. */
  public synchronized void cut() throws IOException {
    server.close();
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0); // a reset, as a crashed server's host sends
        s.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
    open.clear();
  }

  /** Listens on the same port again: the server is back. */
  public synchronized void restore() throws IOException {
    server = listen(port);
    acceptOn(server);
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress("127.0.0.1", port));
    return s;
  }

  private void acceptOn(ServerSocket listening) {
    Thread t = new Thread(() -> {
      while (!listening.isClosed()) {
        try {
          Socket client = listening.accept();
          Socket upstream;
          try {
            upstream = new Socket(targetHost, targetPort);
          } catch (IOException refused) {
            closeQuietly(client);
            continue;
          }
          open.add(client);
          open.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException e) {
          // closed by cut(), or the target refused: the client sees its connection end
        }
      }
    }, "tcp-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  private void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // one side went away
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  private void closeQuietly(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
