package org.kila.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a text to a paused or closed survey gets, in each language: one segment, naming the keyword. */
class SmsTextsTest {
  private static final List<String> LANGUAGES = List.of("en", "sw", "fr", "ha", "pt");

  @Test
  void thePausedAndClosedNoticesFitOneSegmentInEveryLanguage() {
    for (String language : LANGUAGES) {
      for (SmsTexts.Text which : List.of(SmsTexts.Text.PAUSED, SmsTexts.Text.CLOSED)) {
        String text = SmsTexts.in(language, which, Map.of("keyword", "KEYWORD123"));
        assertEquals(1, SmsBody.of(text).segments(), language + " " + which + ": " + text);
        assertTrue(!text.contains("{"), "every placeholder filled: " + text);
      }
      assertTrue(SmsTexts.in(language, SmsTexts.Text.PAUSED, Map.of("keyword", "SAUTI")).contains("SAUTI"),
          "the paused notice says what to send later, in " + language);
    }
  }

  @Test
  void aLanguageWithoutItsOwnTextsGetsEnglishAndARegionalCodeItsBaseLanguage() {
    assertEquals("This survey has closed and takes no more answers. Thank you for your time.",
        SmsTexts.in("am", SmsTexts.Text.CLOSED, Map.of()));
    assertEquals(SmsTexts.in("sw", SmsTexts.Text.CLOSED, Map.of()), SmsTexts.in("sw-KE", SmsTexts.Text.CLOSED, Map.of()));
  }
}
