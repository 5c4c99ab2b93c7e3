package org.kila.gateway.channel;

/**
 * The screen to show the respondent, already rendered within the channel's limit, and whether it is
 * the last one. Adapters pass the text as given.
 */
public record UssdReply(String text, boolean end) {

  public static UssdReply next(String text) {
    return new UssdReply(text, false);
  }

  public static UssdReply last(String text) {
    return new UssdReply(text, true);
  }
}
