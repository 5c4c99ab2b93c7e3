package org.kila.gateway.sms;

import java.util.List;

/**
 * What a provider says about a message we may already have handed it: asked after a crash left a row
 * marked as being sent, to tell a message that went out (record it) from one that never left (send it).
 */
public sealed interface PriorSend {

  /** Messages that match (same recipient, sender and body, created since the attempt began), newest first. */
  record Found(List<String> providerMessageIds) implements PriorSend {
    public Found {
      providerMessageIds = List.copyOf(providerMessageIds);
    }
  }

  /** The provider has no such message: the attempt never reached it, so sending now sends it once. */
  record NotFound() implements PriorSend {}

  /** The provider could not be asked just now; ask again later. */
  record Unreachable(String reason) implements PriorSend {}

  /** The provider offers no way to ask. */
  record Unsupported() implements PriorSend {}
}
