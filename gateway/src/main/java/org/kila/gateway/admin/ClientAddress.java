package org.kila.gateway.admin;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The address a request came from, for sign-in throttling and the audit log. Behind the reverse proxy of
 * {@code ops/nginx} every peer is the proxy, so when the peer is on this machine or a private network the
 * proxy's {@code X-Forwarded-For} names the client (its last entry, the one the proxy itself wrote).
 * From any other peer the header is ignored: a client could write anything there.
 */
public final class ClientAddress {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private ClientAddress() {}

  public static String of(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    String direct = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !isProxy(direct)) {
      return direct;
    }
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].strip();
    return IP_LITERAL.matcher(last).matches() ? last : direct;
  }

  private static boolean isProxy(String address) {
    if (!IP_LITERAL.matcher(address).matches()) {
      return false;
    }
    try {
      // A literal address is parsed, never looked up.
      InetAddress a = InetAddress.getByName(address);
      byte[] bytes = a.getAddress();
      boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
      return a.isLoopbackAddress() || a.isSiteLocalAddress() || uniqueLocalV6;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
