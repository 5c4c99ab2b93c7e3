package org.kila.gateway.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A recorded webhook in {@code src/test/resources/payload/<aggregator>.<case>.txt}: header lines
 * ({@code Content-Type: ...}), a blank line, then the body bytes exactly as sent (one final newline,
 * which editors add, is dropped). A file with no Content-Type line is a request without one.
 */
public final class PayloadFile {
  private PayloadFile() {}

  public static WebhookRequest load(String aggregator, String caseName) {
    String resource = "/payload/" + aggregator + "." + caseName + ".txt";
    byte[] bytes;
    try (InputStream in = PayloadFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no payload file " + resource);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int split = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII));
    if (split < 0) {
      throw new IllegalArgumentException(resource + " has no blank line between headers and body");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : new String(bytes, 0, split, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    int end = bytes.length;
    if (end > split + 2 && bytes[end - 1] == '\n') {
      end--;
    }
    byte[] body = Arrays.copyOfRange(bytes, split + 2, end);
    return new WebhookRequest(headers.get("content-type"), headers, body, "192.0.2.10");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
