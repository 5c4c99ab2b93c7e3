package org.kila.gateway.sms;

import java.util.Locale;
import java.util.Map;

/**
 * The gateway's own texts on the SMS channel, in the languages we survey in (English when a language is
 * missing): help, the opt-out and opt-in confirmations, invitations, reminders, the USSD nudge, and what a
 * text to a paused or closed survey gets (the closed text is also the screen a dial of a closed survey's USSD
 * code gets). Each
 * fits one GSM-7 segment, or one UCS-2 segment where the script needs it, once its placeholders are
 * filled with a keyword or a service code: {@code {keyword}}, {@code {code}}, {@code {title}}.
 */
public final class SmsTexts {
  private SmsTexts() {}

  /** Which text. */
  public enum Text { HELP, UNKNOWN, OPTED_OUT, OPTED_IN, INVITATION, REMINDER, NUDGE, PAUSED, CLOSED }

  private static final Map<String, Map<Text, String>> TABLE = Map.of(
      "en", Map.of(
          Text.HELP, "Reply with the number of your answer. Send {keyword} to start, LANG to change language, STOP to stop messages.",
          Text.UNKNOWN, "Sorry, we did not understand. Send {keyword} to take the survey, HELP for help, STOP to stop messages.",
          Text.OPTED_OUT, "You will get no more messages from us. Send START to join again.",
          Text.OPTED_IN, "Welcome back: you will get our messages again. Send {keyword} to take the survey.",
          Text.INVITATION, "{title}: we would like to hear from you. Reply {keyword} to start. Reply STOP for no more messages.",
          Text.REMINDER, "Reminder: your answers to {title} count. Reply {keyword} to go on. Reply STOP for no more messages.",
          Text.NUDGE, "Your survey is not finished. Dial {code} to finish where you left off.",
          Text.PAUSED, "This survey is paused for now. Please send {keyword} again later to take part.",
          Text.CLOSED, "This survey has closed and takes no more answers. Thank you for your time."),
      "sw", Map.of(
          Text.HELP, "Jibu kwa namba ya jibu lako. Tuma {keyword} kuanza, LUGHA kubadili lugha, SITISHA kuacha ujumbe.",
          Text.UNKNOWN, "Samahani, hatukuelewa. Tuma {keyword} kushiriki, MSAADA kwa msaada, SITISHA kuacha ujumbe.",
          Text.OPTED_OUT, "Hutapokea ujumbe zaidi kutoka kwetu. Tuma ANZA kujiunga tena.",
          Text.OPTED_IN, "Karibu tena: utapokea ujumbe wetu tena. Tuma {keyword} kushiriki.",
          Text.INVITATION, "{title}: tungependa kusikia maoni yako. Jibu {keyword} kuanza. Jibu SITISHA kuacha ujumbe.",
          Text.REMINDER, "Kumbusho: majibu yako kwa {title} ni muhimu. Jibu {keyword} kuendelea. SITISHA kuacha ujumbe.",
          Text.NUDGE, "Utafiti wako haujakamilika. Piga {code} kumaliza ulipoishia.",
          Text.PAUSED, "Utafiti huu umesitishwa kwa sasa. Tafadhali tuma {keyword} tena baadaye kushiriki.",
          Text.CLOSED, "Utafiti huu umefungwa na haupokei majibu zaidi. Asante kwa muda wako."),
      "fr", Map.of(
          Text.HELP, "Répondez avec le numéro de votre réponse. {keyword} pour commencer, LANGUE pour la langue, STOP pour arrêter.",
          Text.UNKNOWN, "Désolé, nous n'avons pas compris. Envoyez {keyword} pour répondre, AIDE pour l'aide, STOP pour arrêter.",
          Text.OPTED_OUT, "Vous ne recevrez plus de messages de notre part. Envoyez START pour revenir.",
          Text.OPTED_IN, "Bon retour : vous recevrez de nouveau nos messages. Envoyez {keyword} pour répondre.",
          Text.INVITATION, "{title} : votre avis compte. Répondez {keyword} pour commencer, STOP pour ne plus recevoir de messages.",
          Text.REMINDER, "Rappel : vos réponses à {title} comptent. Répondez {keyword} pour continuer, STOP pour arrêter.",
          Text.NUDGE, "Votre enquête n'est pas finie. Composez {code} pour reprendre là où vous étiez.",
          Text.PAUSED, "Ce sondage est en pause. Envoyez {keyword} plus tard pour y répondre.",
          Text.CLOSED, "Ce sondage est terminé : il ne prend plus de réponses. Merci de votre temps."),
      "ha", Map.of(
          Text.HELP, "Amsa da lambar amsarka. Aika {keyword} don farawa, HARSHE don canza harshe, TSAYA don dakatar da sakonni.",
          Text.UNKNOWN, "Yi hakuri, ba mu gane ba. Aika {keyword} don shiga, TAIMAKO don taimako, TSAYA don dakatarwa.",
          Text.OPTED_OUT, "Ba za ka sake samun sakonni daga gare mu ba. Aika FARA don komawa.",
          Text.OPTED_IN, "Barka da dawowa: za ka sake samun sakonninmu. Aika {keyword} don shiga.",
          Text.INVITATION, "{title}: muna son jin ra'ayinka. Amsa {keyword} don farawa. Amsa TSAYA don dakatar da sakonni.",
          Text.REMINDER, "Tunatarwa: amsoshinka ga {title} suna da muhimmanci. Amsa {keyword} don ci gaba. TSAYA don dakatarwa.",
          Text.NUDGE, "Binciken ka bai kare ba. Kira {code} don kammalawa daga inda ka tsaya.",
          Text.PAUSED, "An dakatar da binciken nan na dan lokaci. Aika {keyword} daga baya don shiga.",
          Text.CLOSED, "An rufe binciken nan, ba a karbar amsoshi kuma. Mun gode da lokacinka."),
      "pt", Map.of(
          Text.HELP, "Responda com o número da sua resposta. Envie {keyword} para começar, IDIOMA para mudar, PARAR para parar.",
          Text.UNKNOWN, "Desculpe, não percebemos. Envie {keyword} para responder, AJUDA para ajuda, PARAR para parar.",
          Text.OPTED_OUT, "Não receberá mais mensagens nossas. Envie INICIAR para voltar.",
          Text.OPTED_IN, "Bem-vindo de volta: vai receber as nossas mensagens. Envie {keyword} para responder.",
          Text.INVITATION, "{title}: queremos ouvir a sua opinião. Responda {keyword} para começar, PARAR para não receber mais.",
          Text.REMINDER, "Lembrete: as suas respostas a {title} contam. Responda {keyword} para continuar, PARAR para parar.",
          Text.NUDGE, "O seu inquérito não terminou. Marque {code} para continuar onde parou.",
          Text.PAUSED, "Inquérito em pausa. Envie {keyword} mais tarde para participar.",
          Text.CLOSED, "Este inquérito terminou e já não recebe respostas. Obrigado."));

  /** The text in {@code language} (or its base language, or English), placeholders filled from {@code values}. */
  public static String in(String language, Text text, Map<String, String> values) {
    String primary = language == null ? "en" : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    String template = TABLE.getOrDefault(primary, TABLE.get("en")).get(text);
    for (Map.Entry<String, String> value : values.entrySet()) {
      template = template.replace("{" + value.getKey() + "}", value.getValue());
    }
    return template;
  }
}
