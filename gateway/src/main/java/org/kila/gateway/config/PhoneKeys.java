package org.kila.gateway.config;

import java.util.Arrays;

/**
 * The two secret keys that protect phone numbers: one for the keyed hash that identifies a respondent,
 * one for the encryption of the number itself. 32 bytes each. Never printed.
 */
public final class PhoneKeys {
  public static final int KEY_BYTES = 32;

  private final byte[] hashKey;
  private final byte[] encryptionKey;

  public PhoneKeys(byte[] hashKey, byte[] encryptionKey) {
    if (hashKey.length != KEY_BYTES || encryptionKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("phone keys must be " + KEY_BYTES + " bytes each");
    }
    this.hashKey = hashKey.clone();
    this.encryptionKey = encryptionKey.clone();
  }

  /** The HMAC-SHA-256 key of the phone-number hash (a copy). */
  public byte[] hashKey() {
    return hashKey.clone();
  }

  /** The AES-256-GCM key of the stored phone numbers (a copy). */
  public byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneKeys k && Arrays.equals(hashKey, k.hashKey) && Arrays.equals(encryptionKey, k.encryptionKey);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(hashKey) + Arrays.hashCode(encryptionKey);
  }

  @Override
  public String toString() {
    return "PhoneKeys[hashKey=***, encryptionKey=***]";
  }
}
