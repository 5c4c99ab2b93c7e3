package org.kila.survey.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kila.survey.model.MessageField;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.render.Gsm7;
import org.kila.survey.render.ScreenRenderer;

class DefaultMessagesTest {

  @Test
  void coversTheLanguagesOurUsersSurveyIn() {
    assertTrue(DefaultMessages.languages().containsAll(Set.of("en", "sw", "fr", "ha", "pt", "bn", "ne")),
        DefaultMessages.languages().toString());
  }

  @Test
  void everyLanguageHasEveryMessageAndEachFitsOneUssdScreenEvenInUcs2() {
    ChannelProfile ussd = ChannelProfile.ussdDefault();
    for (String language : DefaultMessages.languages()) {
      for (MessageField field : MessageField.values()) {
        Optional<String> text = DefaultMessages.text(field, language);
        assertTrue(text.isPresent() && !text.get().isBlank(), language + " " + field.json());
        assertTrue(Gsm7.screenLength(text.get()) <= ussd.maxUcs2Chars(), language + " " + field.json()
            + " takes " + Gsm7.screenLength(text.get()));
        assertTrue(ScreenRenderer.fits(text.get(), ussd));
      }
    }
  }

  @Test
  void hausaIsWrittenInTheGsmAlphabetSoItKeepsTheFullBudget() {
    for (MessageField field : MessageField.values()) {
      String text = DefaultMessages.text(field, "ha").orElseThrow();
      assertTrue(Gsm7.isGsm7(text), field.json() + ": " + text);
    }
  }

  @Test
  void regionalCodesFallBackToTheirLanguage() {
    assertEquals(Optional.of("Rudi"), DefaultMessages.text(MessageField.BACK, "sw-KE"));
    assertEquals(Optional.of("Retour"), DefaultMessages.text(MessageField.BACK, "fr-SN"));
    assertEquals(Optional.empty(), DefaultMessages.text(MessageField.BACK, "lg"));
  }
}
