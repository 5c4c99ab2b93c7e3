package org.kila.survey.render;

/**
 * The screen budget of a channel. {@code maxChars} applies when every character of a screen is in the
 * GSM 03.38 alphabet; {@code maxUcs2Chars} when one is not and the whole screen goes out as UCS-2.
 * USSD: configurable per aggregator, default 160, never above 182. SMS: a screen is one message, which
 * may take several segments.
 */
public record ChannelProfile(Channel channel, int maxChars, int maxUcs2Chars) {

  /** The channel a screen is rendered for. */
  public enum Channel { USSD, SMS }

  public static final int USSD_HARD_LIMIT = 182;

  public ChannelProfile {
    if (maxChars < 40) throw new IllegalArgumentException("maxChars must be at least 40, got " + maxChars);
    if (maxUcs2Chars < 40) throw new IllegalArgumentException("maxUcs2Chars must be at least 40, got " + maxUcs2Chars);
    if (channel == Channel.USSD && maxChars > USSD_HARD_LIMIT) {
      throw new IllegalArgumentException("a USSD screen is never above " + USSD_HARD_LIMIT + " characters, got " + maxChars);
    }
  }

  public static ChannelProfile ussd(int maxChars) {
    return new ChannelProfile(Channel.USSD, maxChars, Math.min(maxChars, 70));
  }

  public static ChannelProfile ussdDefault() {
    return ussd(160);
  }

  /** SMS screens up to three concatenated segments: 3 x 153 GSM-7 or 3 x 67 UCS-2 characters. */
  public static ChannelProfile smsDefault() {
    return new ChannelProfile(Channel.SMS, 459, 201);
  }
}
