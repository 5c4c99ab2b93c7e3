package org.kila.gateway.admin.users;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for the email of an admin page account: compared and stored trimmed and in lower case, so
 * "Amina@NGO.org " and "amina@ngo.org" are one account; it must look like name@place.
 */
public final class EmailAddress {
  /** RFC 5321's limit on a whole address. */
  static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private EmailAddress() {}

  public static String normalise(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  public static boolean isValid(String text) {
    String email = normalise(text);
    return email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches();
  }
}
