package org.kila.gateway.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The idempotency key of an outgoing text, derived from what causes it ("the reply to inbound message X",
 * "invitation of respondent R to survey S"), so the same cause queues the same text once however often
 * it is processed. A hash, because the key travels to the provider in the status callback URL and must
 * say nothing about the respondent.
 */
public final class OutboxKey {
  private OutboxKey() {}

  /** 32 URL-safe characters, the same for the same cause. */
  public static String of(String cause) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cause.getBytes(StandardCharsets.UTF_8));
      return "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 31);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
