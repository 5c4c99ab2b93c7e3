package org.kila.gateway.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kila.gateway.config.PhoneKeys;

class PhoneVaultTest {
  static PhoneKeys keys(int hashFill, int encryptionFill) {
    byte[] h = new byte[32];
    byte[] e = new byte[32];
    Arrays.fill(h, (byte) hashFill);
    Arrays.fill(e, (byte) encryptionFill);
    return new PhoneKeys(h, e);
  }

  final PhoneVault kenya = new PhoneVault("KE", keys(1, 2));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0712 345 678|+254712345678",
      "0712345678|+254712345678",
      "+254 712 345 678|+254712345678",
      "+254712345678|+254712345678",
      "254712345678|+254712345678",
      "(0712) 345-678|+254712345678",
      "+233 24 412 3456|+233244123456",
      "233244123456|+233244123456",
      "+880 1712 345678|+8801712345678",
  })
  void readsNumbersAsPeopleAndAggregatorsWriteThem(String raw, String e164) {
    assertEquals(Optional.of(e164), kenya.normalise(raw));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "hello", "0712-FLOWERS", "07123", "12", "+254 712", "0712 345 678 9999", "+999 123 456 789", "*384*12#"})
  void refusesWhatIsNotAValidNumber(String raw) {
    assertEquals(Optional.empty(), kenya.normalise(raw));
  }

  @Test
  void theDefaultRegionDecidesLocalNumbers() {
    PhoneVault nigeria = new PhoneVault("NG", keys(1, 2));
    assertEquals(Optional.of("+2348031234567"), nigeria.normalise("0803 123 4567"));
  }

  @Test
  void differentSpellingsOfOneNumberHashAlike() {
    byte[] a = kenya.hash(kenya.normalise("0712 345 678").orElseThrow());
    byte[] b = kenya.hash(kenya.normalise("+254712345678").orElseThrow());
    assertArrayEquals(a, b);
    assertEquals(32, a.length);
  }

  @Test
  void anotherKeyOrAnotherNumberGivesAnotherHash() {
    byte[] ours = kenya.hash("+254712345678");
    assertFalse(Arrays.equals(ours, new PhoneVault("KE", keys(9, 2)).hash("+254712345678")));
    assertFalse(Arrays.equals(ours, kenya.hash("+254712345679")));
  }

  @Test
  void encryptionRoundTripsAndNeverRepeats() {
    byte[] one = kenya.encrypt("+254712345678");
    byte[] two = kenya.encrypt("+254712345678");
    assertFalse(Arrays.equals(one, two), "a fresh IV each time");
    assertEquals("+254712345678", kenya.decrypt(one));
    assertEquals("+254712345678", kenya.decrypt(two));
    assertFalse(new String(one, StandardCharsets.ISO_8859_1).contains("712345678"));
  }

  @Test
  void anAlteredCiphertextIsRefused() {
    byte[] sealed = kenya.encrypt("+254712345678");
    for (int i : new int[] {0, 12, sealed.length - 1}) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 1;
      assertThrows(IllegalArgumentException.class, () -> kenya.decrypt(tampered), "byte " + i);
    }
    assertThrows(IllegalArgumentException.class, () -> kenya.decrypt(Arrays.copyOf(sealed, 20)));
  }

  @Test
  void anotherEncryptionKeyCannotRead() {
    byte[] sealed = kenya.encrypt("+254712345678");
    assertThrows(IllegalArgumentException.class, () -> new PhoneVault("KE", keys(1, 3)).decrypt(sealed));
  }
}
