package org.kila.gateway.xlsform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the language part of an XLSForm header or the {@code default_language} setting. The spec asks for
 * a name and a code, {@code English (en)}; many forms in the field have only a name ({@code English},
 * {@code Kiswahili}) or only a code ({@code sw}), so a table of the names of languages our users survey in
 * fills in the code, and an unknown name gets a guessed code that the import reports.
 * See https://xlsform.org/en/#multiple-language-support
 */
final class LanguageNames {
  private LanguageNames() {}

  /** How the code of a language was found, so the import can say when it had to guess. */
  enum Source { GIVEN, KNOWN_NAME, GUESSED }

  /** A language as a header names it. */
  record Named(String code, String name, Source source) {}

  private static final Pattern WITH_CODE =
      Pattern.compile("(.*?)\\s*\\(\\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\\s*\\)\\s*");
  private static final Pattern CODE_ONLY = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*");

  /** Names (lower case) as written in English and by their speakers, to their BCP 47 codes. */
  private static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("english", "en"), Map.entry("swahili", "sw"), Map.entry("kiswahili", "sw"),
      Map.entry("french", "fr"), Map.entry("français", "fr"), Map.entry("francais", "fr"),
      Map.entry("hausa", "ha"), Map.entry("yoruba", "yo"), Map.entry("yorùbá", "yo"), Map.entry("igbo", "ig"),
      Map.entry("fulfulde", "ff"), Map.entry("fula", "ff"), Map.entry("kanuri", "kr"),
      Map.entry("pidgin", "pcm"), Map.entry("nigerian pidgin", "pcm"),
      Map.entry("portuguese", "pt"), Map.entry("português", "pt"), Map.entry("portugues", "pt"),
      Map.entry("spanish", "es"), Map.entry("español", "es"), Map.entry("espanol", "es"),
      Map.entry("arabic", "ar"), Map.entry("العربية", "ar"),
      Map.entry("bengali", "bn"), Map.entry("bangla", "bn"), Map.entry("বাংলা", "bn"),
      Map.entry("nepali", "ne"), Map.entry("नेपाली", "ne"), Map.entry("maithili", "mai"), Map.entry("bhojpuri", "bho"),
      Map.entry("hindi", "hi"), Map.entry("हिन्दी", "hi"), Map.entry("urdu", "ur"), Map.entry("اردو", "ur"),
      Map.entry("rohingya", "rhg"), Map.entry("chittagonian", "ctg"), Map.entry("sylheti", "syl"),
      Map.entry("burmese", "my"), Map.entry("tamil", "ta"), Map.entry("pashto", "ps"), Map.entry("dari", "prs"),
      Map.entry("persian", "fa"), Map.entry("farsi", "fa"), Map.entry("indonesian", "id"),
      Map.entry("tagalog", "tl"), Map.entry("filipino", "fil"),
      Map.entry("amharic", "am"), Map.entry("አማርኛ", "am"), Map.entry("tigrinya", "ti"),
      Map.entry("oromo", "om"), Map.entry("afaan oromoo", "om"), Map.entry("somali", "so"), Map.entry("soomaali", "so"),
      Map.entry("luganda", "lg"), Map.entry("ganda", "lg"), Map.entry("kinyarwanda", "rw"), Map.entry("kirundi", "rn"),
      Map.entry("runyankole", "nyn"), Map.entry("acholi", "ach"), Map.entry("ateso", "teo"),
      Map.entry("dholuo", "luo"), Map.entry("luo", "luo"), Map.entry("kikuyu", "ki"), Map.entry("gikuyu", "ki"),
      Map.entry("kamba", "kam"), Map.entry("kalenjin", "kln"), Map.entry("luhya", "luy"), Map.entry("maasai", "mas"),
      Map.entry("turkana", "tuv"), Map.entry("ekegusii", "guz"),
      Map.entry("zulu", "zu"), Map.entry("isizulu", "zu"), Map.entry("xhosa", "xh"), Map.entry("isixhosa", "xh"),
      Map.entry("chichewa", "ny"), Map.entry("nyanja", "ny"), Map.entry("shona", "sn"),
      Map.entry("setswana", "tn"), Map.entry("tswana", "tn"), Map.entry("sesotho", "st"), Map.entry("afrikaans", "af"),
      Map.entry("lingala", "ln"), Map.entry("wolof", "wo"), Map.entry("akan", "ak"), Map.entry("twi", "ak"),
      Map.entry("malagasy", "mg"));

  /** For a header that gives only a code: the language's name as its speakers write it. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("en", "English"), Map.entry("sw", "Kiswahili"), Map.entry("fr", "Français"), Map.entry("ha", "Hausa"),
      Map.entry("yo", "Yorùbá"), Map.entry("ig", "Igbo"), Map.entry("pt", "Português"), Map.entry("es", "Español"),
      Map.entry("ar", "العربية"), Map.entry("bn", "বাংলা"), Map.entry("ne", "नेपाली"), Map.entry("hi", "हिन्दी"),
      Map.entry("am", "አማርኛ"), Map.entry("so", "Soomaali"), Map.entry("lg", "Luganda"), Map.entry("rw", "Kinyarwanda"));

  static Named parse(String text) {
    String t = text.strip();
    Matcher m = WITH_CODE.matcher(t);
    if (m.matches()) {
      String code = code(m.group(2));
      return new Named(code, m.group(1).isEmpty() ? code : m.group(1), Source.GIVEN);
    }
    // A name first: "Luo" and "Twi" are names that also look like codes.
    String known = CODES.get(t.toLowerCase(Locale.ROOT));
    if (known != null) {
      return new Named(known, t, Source.KNOWN_NAME);
    }
    if (CODE_ONLY.matcher(t).matches()) {
      String code = code(t);
      return new Named(code, nameOf(code).orElse(code), Source.GIVEN);
    }
    String letters = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    return new Named(letters.length() < 2 ? "und" : letters.substring(0, Math.min(3, letters.length())), t, Source.GUESSED);
  }

  /** "SW_ke" -> "sw-ke": the primary subtag in lower case, subtags joined by hyphens as BCP 47 writes them. */
  private static String code(String raw) {
    String[] parts = raw.replace('_', '-').split("-", 2);
    return parts[0].toLowerCase(Locale.ROOT) + (parts.length > 1 ? "-" + parts[1] : "");
  }

  private static Optional<String> nameOf(String code) {
    return Optional.ofNullable(NAMES.get(code));
  }
}
