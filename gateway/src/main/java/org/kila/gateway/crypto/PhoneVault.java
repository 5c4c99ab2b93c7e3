package org.kila.gateway.crypto;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.kila.gateway.config.KilaConfig;
import org.kila.gateway.config.PhoneKeys;

/**
 * Everything Kila does with a phone number: read it into E.164, derive the keyed hash that identifies the
 * respondent, and encrypt it for the one purpose it is kept for (replying by SMS). The number in clear
 * never needs to reach the database, the logs or an export. Thread-safe.
 */
public final class PhoneVault {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  /** Digits and the punctuation people write numbers with; letters (vanity numbers) are not a respondent's number. */
  private static final Pattern PHONE_TEXT = Pattern.compile("\\+?[0-9 ().\\-]{4,30}");
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String defaultRegion;
  private final SecretKeySpec hashKey;
  private final SecretKeySpec encryptionKey;
  private final SecureRandom random = new SecureRandom();

  public PhoneVault(String defaultRegion, PhoneKeys keys) {
    this.defaultRegion = defaultRegion;
    this.hashKey = new SecretKeySpec(keys.hashKey(), "HmacSHA256");
    this.encryptionKey = new SecretKeySpec(keys.encryptionKey(), "AES");
  }

  public static PhoneVault from(KilaConfig config) {
    return new PhoneVault(config.defaultRegion(), config.phoneKeys());
  }

  /**
   * The number in E.164 ({@code +254712345678}), or empty when {@code raw} is not a valid phone number.
   * A number without a country code is read in the default region; digits that are not valid there but
   * are valid with a leading {@code +} are taken as international, since some aggregators send
   * {@code 233244123456} for {@code +233244123456}.
   */
  public Optional<String> normalise(String raw) {
    if (raw == null || !PHONE_TEXT.matcher(raw.trim()).matches()) {
      return Optional.empty();
    }
    String text = raw.trim();
    Optional<PhoneNumber> number = parseValid(text, defaultRegion);
    if (number.isEmpty() && !text.startsWith("+") && !text.startsWith("0")) {
      number = parseValid("+" + text, defaultRegion);
    }
    return number.map(n -> PHONES.format(n, PhoneNumberFormat.E164));
  }

  private static Optional<PhoneNumber> parseValid(String text, String region) {
    try {
      PhoneNumber n = PHONES.parse(text, region);
      return PHONES.isValidNumber(n) ? Optional.of(n) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** HMAC-SHA-256 of the E.164 number under the hash key: the same person always gets the same 32 bytes. */
  public byte[] hash(String e164) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return mac.doFinal(e164.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
    }
  }

  /** AES-256-GCM with a random 12-byte IV, stored as {@code IV || ciphertext || 16-byte tag}. */
  public byte[] encrypt(String e164) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(e164.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * The number sealed by {@link #encrypt}.
   *
   * @throws IllegalArgumentException when the bytes were altered or sealed under another key
   */
  public String decrypt(byte[] sealed) {
    if (sealed.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("not an encrypted phone number: too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("encrypted phone number was altered or sealed under another key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }
}
