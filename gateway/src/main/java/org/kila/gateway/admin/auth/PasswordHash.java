package org.kila.gateway.admin.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing with the OWASP parameters (19 MiB of memory, 2 passes, 1 lane), stored as a
 * PHC string that names its own parameters, so hashes made with other parameters still verify. Slow on
 * purpose (tens of milliseconds): call it through {@code Blocking}, never on the event loop.
 */
public final class PasswordHash {
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int HASH_BYTES = 32;
  private static final int SALT_BYTES = 16;
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);

  /** Checked when the email has no account, so that the answer takes as long as for a real one. */
  private static final String NOBODY = of("no account has this password");

  private PasswordHash() {}

  /** A new PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. */
  public static String of(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
  }

  /** Whether {@code password} is the one {@code phc} was made from; false for a malformed hash. */
  public static boolean matches(String password, String phc) {
    try {
      return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Spends the time of one check without an account, so response times do not tell which emails exist. */
  public static void checkNobody(String password) {
    matches(password, NOBODY);
  }
}
