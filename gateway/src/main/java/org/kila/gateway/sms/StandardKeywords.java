package org.kila.gateway.sms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kila.gateway.survey.SmsKeywords;

/**
 * The keywords every SMS survey understands, in every language we survey in: STOP (no more messages),
 * START (messages again), HELP, and LANG to change the survey's language ("LANG" alone: the next
 * language; "LANG SW" or "LANG Kiswahili": that one). All languages are understood in every survey:
 * a respondent who writes STOP in English in a Swahili survey must be heard.
 *
 * <p>A keyword counts only as the whole message (matched case-, accent- and space-insensitively):
 * "stop the noise, I like it" is an answer, not an opt-out. LANG is the one keyword that takes an
 * argument.
 */
public final class StandardKeywords {
  private StandardKeywords() {}

  /** Which standard keyword a text is. */
  public enum Kind { STOP, START, HELP, LANGUAGE }

  /** A recognised keyword; {@code argument}: what followed LANG (normalised), or empty. */
  public record Match(Kind kind, String argument) {}

  // Twilio's own opt-out words first (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT; START, UNSTOP; HELP,
  // INFO), then our translations: Kiswahili, French, Hausa, Portuguese, Bengali, Nepali.
  private static final Map<Kind, Set<String>> WORDS = Map.of(
      Kind.STOP, normalised("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
          "SITISHA", "ACHA", "ARRÊT", "ARRETER", "DÉSABONNER", "TSAYA", "DAINA", "PARAR", "SAIR",
          "বন্ধ", "রোকো", "रोक", "बन्द"),
      Kind.START, normalised("START", "UNSTOP", "ANZA", "REPRENDRE", "FARA", "INICIAR", "শুরু", "सुरु"),
      Kind.HELP, normalised("HELP", "INFO", "MSAADA", "AIDE", "TAIMAKO", "AJUDA", "সাহায্য", "मद्दत", "सहायता"),
      Kind.LANGUAGE, normalised("LANG", "LANGUAGE", "LUGHA", "LANGUE", "HARSHE", "IDIOMA", "LINGUA", "ভাষা", "भाषा"));

  private static Set<String> normalised(String... words) {
    return List.of(words).stream().map(SmsKeywords::normalise).collect(Collectors.toUnmodifiableSet());
  }

  /** The keyword {@code text} is, or empty when it is anything else (an answer, a survey keyword ...). */
  public static Optional<Match> match(String text) {
    String whole = SmsKeywords.normalise(text);
    for (Kind kind : List.of(Kind.STOP, Kind.START, Kind.HELP, Kind.LANGUAGE)) {
      if (WORDS.get(kind).contains(whole)) {
        return Optional.of(new Match(kind, ""));
      }
    }
    int space = whole.indexOf(' ');
    if (space > 0 && WORDS.get(Kind.LANGUAGE).contains(whole.substring(0, space))) {
      return Optional.of(new Match(Kind.LANGUAGE, whole.substring(space + 1)));
    }
    return Optional.empty();
  }
}
