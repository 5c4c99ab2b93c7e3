package org.kila.gateway.channel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body into its fields, strictly: '+' is a space,
 * {@code %XX} is one byte, the bytes of each name and value must be valid UTF-8, and a name may appear
 * only once (an aggregator never repeats one, so a repeat is a forged or broken request).
 *
 * <p>Written out rather than {@code URLDecoder}, which silently replaces malformed UTF-8 and would
 * let a garbled answer be stored. See https://url.spec.whatwg.org/#urlencoded-parsing
 */
final class FormFields {
  private FormFields() {}

  static Parsed<Map<String, String>> parse(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      String name = decode(rawName);
      if (name == null) {
        return Parsed.rejected(400, "malformed form field name '" + rawName + "'");
      }
      String value = decode(rawValue);
      if (value == null) {
        return Parsed.rejected(400, "form field " + name + " is not valid percent-encoded UTF-8");
      }
      if (fields.putIfAbsent(name, value) != null) {
        return Parsed.rejected(400, "form field " + name + " appears more than once");
      }
    }
    return Parsed.accepted(fields);
  }

  /** The decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
  private static String decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int plainFrom = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '+' && c != '%') {
        continue;
      }
      bytes.writeBytes(raw.substring(plainFrom, i).getBytes(StandardCharsets.UTF_8));
      if (c == '+') {
        bytes.write(' ');
      } else {
        int high = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
        int low = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      }
      plainFrom = i + 1;
    }
    bytes.writeBytes(raw.substring(plainFrom).getBytes(StandardCharsets.UTF_8));
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** ASCII hex digits only: {@code Character.digit} would also take other scripts' digits. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
