package org.kila.survey.read;

import static org.kila.survey.model.MessageField.BACK;
import static org.kila.survey.model.MessageField.CHOOSE_LANGUAGE;
import static org.kila.survey.model.MessageField.COMPLETED;
import static org.kila.survey.model.MessageField.DECLINED;
import static org.kila.survey.model.MessageField.GAVE_UP;
import static org.kila.survey.model.MessageField.INVALID_HINT;
import static org.kila.survey.model.MessageField.MORE;
import static org.kila.survey.model.MessageField.NO;
import static org.kila.survey.model.MessageField.SCREENED_OUT;
import static org.kila.survey.model.MessageField.WELCOME_BACK;
import static org.kila.survey.model.MessageField.YES;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kila.survey.model.MessageField;

/**
 * The built-in texts of {@code messages} for the languages our users survey in, so a designer writes only
 * the messages they want to change. Every text fits one USSD screen even in the UCS-2 budget (70
 * characters). Hausa is written without the hooked letters, as on most basic phones, so that it stays
 * in the GSM alphabet.
 */
final class DefaultMessages {
  private DefaultMessages() {}

  private static final Map<String, Map<MessageField, String>> TABLE = Map.of(
      "en", Map.ofEntries(
          Map.entry(COMPLETED, "Thank you! Your answers have been recorded."),
          Map.entry(SCREENED_OUT, "Thank you. We already have enough answers from people like you."),
          Map.entry(DECLINED, "You chose not to take part. Thank you."),
          Map.entry(GAVE_UP, "Sorry, we could not understand your answers. Please try again later."),
          Map.entry(INVALID_HINT, "Invalid answer, try again"),
          Map.entry(BACK, "Back"),
          Map.entry(MORE, "More"),
          Map.entry(YES, "Yes"),
          Map.entry(NO, "No"),
          Map.entry(CHOOSE_LANGUAGE, "Choose your language"),
          Map.entry(WELCOME_BACK, "Welcome back! Let's continue where you left off.")),
      "sw", Map.ofEntries(
          Map.entry(COMPLETED, "Asante! Majibu yako yamehifadhiwa."),
          Map.entry(SCREENED_OUT, "Asante. Tayari tuna majibu ya kutosha kutoka kwa watu kama wewe."),
          Map.entry(DECLINED, "Umechagua kutoshiriki. Asante."),
          Map.entry(GAVE_UP, "Samahani, hatukuelewa majibu yako. Tafadhali jaribu tena baadaye."),
          Map.entry(INVALID_HINT, "Jibu si sahihi, jaribu tena"),
          Map.entry(BACK, "Rudi"),
          Map.entry(MORE, "Zaidi"),
          Map.entry(YES, "Ndiyo"),
          Map.entry(NO, "Hapana"),
          Map.entry(CHOOSE_LANGUAGE, "Chagua lugha yako"),
          Map.entry(WELCOME_BACK, "Karibu tena! Tuendelee ulipoishia.")),
      "fr", Map.ofEntries(
          Map.entry(COMPLETED, "Merci ! Vos réponses ont été enregistrées."),
          Map.entry(SCREENED_OUT, "Merci. Nous avons déjà assez de réponses de personnes comme vous."),
          Map.entry(DECLINED, "Vous avez choisi de ne pas participer. Merci."),
          Map.entry(GAVE_UP, "Désolé, nous n'avons pas compris vos réponses. Réessayez plus tard."),
          Map.entry(INVALID_HINT, "Réponse invalide, réessayez"),
          Map.entry(BACK, "Retour"),
          Map.entry(MORE, "Suite"),
          Map.entry(YES, "Oui"),
          Map.entry(NO, "Non"),
          Map.entry(CHOOSE_LANGUAGE, "Choisissez votre langue"),
          Map.entry(WELCOME_BACK, "Bon retour ! Reprenons où vous en étiez.")),
      "ha", Map.ofEntries(
          Map.entry(COMPLETED, "Na gode! An adana amsoshinku."),
          Map.entry(SCREENED_OUT, "Na gode. Mun riga mun sami isassun amsoshi daga mutane irinku."),
          Map.entry(DECLINED, "Kun zabi kada ku shiga. Na gode."),
          Map.entry(GAVE_UP, "Yi hakuri, ba mu gane amsoshinku ba. Ku sake gwadawa anjima."),
          Map.entry(INVALID_HINT, "Amsar ba daidai ba ce, ku sake gwadawa"),
          Map.entry(BACK, "Koma baya"),
          Map.entry(MORE, "Na gaba"),
          Map.entry(YES, "Eh"),
          Map.entry(NO, "A'a"),
          Map.entry(CHOOSE_LANGUAGE, "Zabi harshenku"),
          Map.entry(WELCOME_BACK, "Barka da dawowa! Mu ci gaba daga inda kuka tsaya.")),
      "pt", Map.ofEntries(
          Map.entry(COMPLETED, "Obrigado! As suas respostas foram registadas."),
          Map.entry(SCREENED_OUT, "Obrigado. Já temos respostas suficientes do seu grupo."),
          Map.entry(DECLINED, "Escolheu não participar. Obrigado."),
          Map.entry(GAVE_UP, "Desculpe, não percebemos as suas respostas. Tente mais tarde."),
          Map.entry(INVALID_HINT, "Resposta inválida, tente de novo"),
          Map.entry(BACK, "Voltar"),
          Map.entry(MORE, "Mais"),
          Map.entry(YES, "Sim"),
          Map.entry(NO, "Não"),
          Map.entry(CHOOSE_LANGUAGE, "Escolha a sua língua"),
          Map.entry(WELCOME_BACK, "Bem-vindo de volta! Vamos continuar onde parou.")),
      "bn", Map.ofEntries(
          Map.entry(COMPLETED, "ধন্যবাদ! আপনার উত্তরগুলো সংরক্ষণ করা হয়েছে।"),
          Map.entry(SCREENED_OUT, "ধন্যবাদ। আপনার মতো মানুষের যথেষ্ট উত্তর আমরা পেয়ে গেছি।"),
          Map.entry(DECLINED, "আপনি অংশ না নেওয়ার সিদ্ধান্ত নিয়েছেন। ধন্যবাদ।"),
          Map.entry(GAVE_UP, "দুঃখিত, আপনার উত্তর বোঝা যায়নি। পরে আবার চেষ্টা করুন।"),
          Map.entry(INVALID_HINT, "ভুল উত্তর, আবার চেষ্টা করুন"),
          Map.entry(BACK, "পিছনে"),
          Map.entry(MORE, "আরও"),
          Map.entry(YES, "হ্যাঁ"),
          Map.entry(NO, "না"),
          Map.entry(CHOOSE_LANGUAGE, "আপনার ভাষা বেছে নিন"),
          Map.entry(WELCOME_BACK, "আবার স্বাগতম! যেখানে থেমেছিলেন, সেখান থেকে চালিয়ে যাচ্ছি।")),
      "ne", Map.ofEntries(
          Map.entry(COMPLETED, "धन्यवाद! तपाईंका उत्तरहरू सुरक्षित गरिए।"),
          Map.entry(SCREENED_OUT, "धन्यवाद। तपाईं जस्ता मानिसहरूबाट पर्याप्त उत्तर पाइसकेका छौं।"),
          Map.entry(DECLINED, "तपाईंले भाग नलिने रोज्नुभयो। धन्यवाद।"),
          Map.entry(GAVE_UP, "माफ गर्नुहोस्, तपाईंका उत्तर बुझिएन। पछि फेरि प्रयास गर्नुहोस्।"),
          Map.entry(INVALID_HINT, "गलत उत्तर, फेरि प्रयास गर्नुहोस्"),
          Map.entry(BACK, "पछाडि"),
          Map.entry(MORE, "थप"),
          Map.entry(YES, "हो"),
          Map.entry(NO, "होइन"),
          Map.entry(CHOOSE_LANGUAGE, "आफ्नो भाषा छान्नुहोस्"),
          Map.entry(WELCOME_BACK, "फेरि स्वागत छ! जहाँ छोड्नुभएको थियो, त्यहीँबाट जारी राखौं।")));

  /** The languages with built-in texts. */
  static Set<String> languages() {
    return TABLE.keySet();
  }

  /**
   * The built-in text of {@code field} in {@code language}. A regional code ("sw-KE", or a mistyped
   * "sw_KE" the validator reports on its own) falls back to its language ("sw").
   */
  static Optional<String> text(MessageField field, String language) {
    String primary = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    Map<MessageField, String> row = TABLE.get(primary);
    return row == null ? Optional.empty() : Optional.ofNullable(row.get(field));
  }
}
