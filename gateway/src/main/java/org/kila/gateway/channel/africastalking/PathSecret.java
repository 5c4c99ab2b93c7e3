package org.kila.gateway.channel.africastalking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.kila.gateway.channel.Parsed;

/**
 * Africa's Talking signs none of its SMS callbacks, so its routes carry a secret we chose as their last
 * path segment ({@code /sms/africastalking/<secret>} and {@code /sms/africastalking/<secret>/delivery}),
 * which only Africa's Talking (configured with that URL) knows. The comparison takes the same time
 * whatever the guess, so the secret cannot be found one character at a time.
 *
 * <p>Keep it long and random (at least 16 characters), serve the gateway over HTTPS only so the path is
 * never seen in clear, and keep it out of proxy access logs: a secret in a URL is only as safe as the
 * places that URL is written down.
 */
final class PathSecret {
  static final int MIN_LENGTH = 16;

  private final byte[] secret;

  PathSecret(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the Africa's Talking SMS secret must be at least " + MIN_LENGTH + " characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Accepted when the segment of {@code target} after {@code prefix} (up to the next '/' or '?') is the
   * secret; 403 otherwise, with a reason that says nothing of how close the guess was.
   */
  Parsed<String> check(String target, String prefix) {
    String rest = target.startsWith(prefix) ? target.substring(prefix.length()) : "";
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      if (rest.charAt(i) == '/' || rest.charAt(i) == '?') {
        end = i;
        break;
      }
    }
    byte[] given = rest.substring(0, end).getBytes(StandardCharsets.UTF_8);
    // MessageDigest.isEqual does not stop at the first difference (constant time since Java 6u17).
    return MessageDigest.isEqual(given, secret) ? Parsed.accepted(target) : Parsed.rejected(403, "unknown path");
  }
}
