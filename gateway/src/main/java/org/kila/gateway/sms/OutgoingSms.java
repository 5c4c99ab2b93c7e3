package org.kila.gateway.sms;

/**
 * One message to send, as a provider needs it.
 *
 * @param key the outbox row's idempotency key, unique per message and never reused
 * @param to the recipient in E.164 form, decrypted only for the send
 * @param body the text, already rendered for SMS
 */
public record OutgoingSms(String key, String to, String body) {

  @Override
  public String toString() {
    // The number never goes to a log.
    return "OutgoingSms[key=" + key + ", body=" + body.length() + " chars]";
  }
}
