package org.kila.survey.render;

/**
 * The GSM 03.38 default alphabet and its extension table, and SMS segment counting.
 *
 * <p>Written by hand on purpose: no maintained Java library counts segments. A message whose every
 * character is in the basic or extension table goes out as GSM-7 (160 septets in one segment, 153 per
 * segment once concatenated; an extension character takes two septets and is never split across
 * segments). Anything else makes the whole message UCS-2 (70 UTF-16 units, 67 per concatenated segment;
 * a surrogate pair is never split). See 3GPP TS 23.038 section 6.2.1.
 */
public final class Gsm7 {
  private Gsm7() {}

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "\f^{}\\[~]|€";

  // Lookup tables built once from the two strings above: the renderer measures many candidate pages per
  // hop, and a table read beats a scan of the alphabet for every character. Never written after this.
  private static final boolean[] SENDABLE = table(BASIC + EXTENSION);
  private static final boolean[] DOUBLE = table(EXTENSION);

  private static boolean[] table(String chars) {
    boolean[] table = new boolean[(BASIC + EXTENSION).chars().max().orElseThrow() + 1];
    chars.chars().forEach(c -> table[c] = true);
    table['\u001B'] = false; // the escape itself is never text: it only introduces an extension character
    return table;
  }

  private static boolean in(boolean[] table, char c) {
    return c < table.length && table[c];
  }

  /** How a message is encoded and how many segments it takes. */
  public record Segments(boolean ucs2, int units, int count) {}

  /** True when every character of {@code text} can be sent as GSM-7. */
  public static boolean isGsm7(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (!in(SENDABLE, text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Septets {@code text} takes in GSM-7; only meaningful when {@link #isGsm7} holds. */
  public static int septets(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += in(DOUBLE, text.charAt(i)) ? 2 : 1;
    }
    return n;
  }

  /**
   * Length of {@code text} as a screen budget counts it: septets in GSM-7, UTF-16 units in UCS-2.
   */
  public static int screenLength(CharSequence text) {
    return isGsm7(text) ? septets(text) : text.length();
  }

  /** Encoding and segment count of one SMS with this body. An empty body is one segment. */
  public static Segments segments(CharSequence text) {
    if (isGsm7(text)) {
      int septets = septets(text);
      if (septets <= 160) {
        return new Segments(false, septets, 1);
      }
      int count = 1;
      int used = 0;
      for (int i = 0; i < text.length(); i++) {
        int width = in(DOUBLE, text.charAt(i)) ? 2 : 1;
        if (used + width > 153) {
          count++;
          used = 0;
        }
        used += width;
      }
      return new Segments(false, septets, count);
    }
    int units = text.length();
    if (units <= 70) {
      return new Segments(true, units, 1);
    }
    int count = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int width = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
      if (used + width > 67) {
        count++;
        used = 0;
      }
      used += width;
      i += width - 1;
    }
    return new Segments(true, units, count);
  }
}
