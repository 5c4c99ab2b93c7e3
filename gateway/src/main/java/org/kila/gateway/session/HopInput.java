package org.kila.gateway.session;

/**
 * Derives what a respondent typed in this hop from an aggregator's cumulative text.
 *
 * <p>Africa's Talking sends every input of the session joined by {@code *} ("1*2*17"). Splitting that
 * blindly breaks answers that contain a {@code *}, so the new input is what follows the previous hop's
 * text: previous "1*2", now "1*2*3*4" -> the respondent typed "3*4".
 */
final class HopInput {
  private HopInput() {}

  /**
   * True when {@code text} is the cumulative text of a hop before the last one ("1*2" after "1*2*3", or
   * the empty first hop after any answer): an old webhook delivered again late. Taking its last segment
   * as new input would store an answer the respondent never gave to the current question, and a late
   * first hop would reset the text that the next late copies are recognised by.
   */
  static boolean isEarlier(String previousText, String text) {
    if (previousText == null || previousText.isEmpty() || text == null) {
      return false;
    }
    return text.isEmpty() || previousText.startsWith(text + "*");
  }

  static String newInput(String previousText, String text) {
    if (text == null) {
      return "";
    }
    if (previousText == null || previousText.isEmpty()) {
      return text;
    }
    String prefix = previousText + "*";
    if (text.startsWith(prefix)) {
      return text.substring(prefix.length());
    }
    // The aggregator's text no longer extends ours (a gateway-side reset): take the last segment.
    int star = text.lastIndexOf('*');
    return star < 0 ? text : text.substring(star + 1);
  }
}
