package org.kila.gateway.channel;

/**
 * The one spelling of a USSD service code that surveys' triggers use, {@code *384*12#}, whatever form
 * an aggregator sends: {@code 384*12}, {@code *384*12}, {@code 384*12#} or {@code *384*12#}. A value
 * that is not made of digits, '*' and '#' (Hubtel sends a service id for its app channels) is returned
 * as sent, so it simply matches no USSD trigger.
 */
public final class DialledCode {
  private DialledCode() {}

  public static String normalise(String code) {
    if (code == null) {
      return null;
    }
    String trimmed = code.strip();
    if (trimmed.isEmpty() || !trimmed.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '*' || c == '#')) {
      return trimmed;
    }
    String body = trimmed;
    while (body.startsWith("*")) {
      body = body.substring(1);
    }
    while (body.endsWith("#")) {
      body = body.substring(0, body.length() - 1);
    }
    return "*" + body + "#";
  }
}
