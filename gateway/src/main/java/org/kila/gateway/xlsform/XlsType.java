package org.kila.gateway.xlsform;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code type} cell of a survey row: what kind of row it is, and for a select the list it draws its
 * choices from. The spellings pyxform accepts for the kinds we convert ({@code select one},
 * {@code select1}, {@code begin group} ...) are folded in; every other type keeps its name for the report.
 * See https://xlsform.org/en/#question-types
 */
record XlsType(Kind kind, String name, String listName, boolean orOther) {

  /** The kinds of row the import treats differently; everything else is {@link #OTHER}. */
  enum Kind { SELECT_ONE, SELECT_MULTIPLE, INTEGER, TEXT, BEGIN_GROUP, END_GROUP, BEGIN_REPEAT, END_REPEAT, OTHER }

  private static final Pattern SELECT = Pattern.compile(
      "(select_one|select one|select1|select_multiple|select all that apply)(?:\\s+from)?(?:\\s+(\\S+))?(?:\\s+(or_other))?",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, Kind> PLAIN = Map.ofEntries(
      Map.entry("integer", Kind.INTEGER), Map.entry("int", Kind.INTEGER),
      Map.entry("text", Kind.TEXT), Map.entry("string", Kind.TEXT),
      Map.entry("begin group", Kind.BEGIN_GROUP), Map.entry("begin_group", Kind.BEGIN_GROUP),
      Map.entry("end group", Kind.END_GROUP), Map.entry("end_group", Kind.END_GROUP),
      Map.entry("begin repeat", Kind.BEGIN_REPEAT), Map.entry("begin_repeat", Kind.BEGIN_REPEAT),
      Map.entry("begin loop", Kind.BEGIN_REPEAT), Map.entry("begin_loop", Kind.BEGIN_REPEAT),
      Map.entry("end repeat", Kind.END_REPEAT), Map.entry("end_repeat", Kind.END_REPEAT),
      Map.entry("end loop", Kind.END_REPEAT), Map.entry("end_loop", Kind.END_REPEAT));

  private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "imei", "subscriberid",
      "simserial", "phonenumber", "username", "email", "audit", "start-geopoint", "background-audio",
      "background-geopoint");
  private static final Set<String> SMARTPHONE = Set.of("geopoint", "geotrace", "geoshape", "image", "photo", "audio",
      "video", "file", "barcode", "osm");
  private static final Set<String> NO_EQUIVALENT = Set.of("rank", "select_one_from_file", "select_multiple_from_file",
      "select_one_external", "acknowledge", "trigger", "hidden", "xml-external", "csv-external", "entity");

  static XlsType parse(String cell) {
    String text = cell.strip().replaceAll("\\s+", " ");
    String lower = text.toLowerCase(Locale.ROOT);
    Matcher select = SELECT.matcher(text);
    if (select.matches() && !lower.contains("from_file") && !lower.contains("from file")) {
      String prefix = select.group(1).toLowerCase(Locale.ROOT);
      Kind kind = prefix.equals("select_multiple") || prefix.equals("select all that apply")
          ? Kind.SELECT_MULTIPLE
          : Kind.SELECT_ONE;
      // The list name keeps its case: list_name cells are matched as written.
      return new XlsType(kind, prefix.replace(' ', '_'), select.group(2), select.group(3) != null);
    }
    Kind kind = PLAIN.getOrDefault(lower, Kind.OTHER);
    String name = kind == Kind.OTHER ? lower.split(" ")[0] : lower.replace(' ', '_');
    return new XlsType(kind, name, null, false);
  }

  /** Why a row of this type is not converted: the report names the type and, where it helps, what to do. */
  String skipReason() {
    String skipped = "type \"" + name + "\" skipped: ";
    if (METADATA.contains(name)) {
      return skipped + "it is form metadata, and Kila records when and over which channel each answer came by itself";
    }
    if (SMARTPHONE.contains(name)) {
      return skipped + "it needs a smartphone, and a basic phone cannot answer it";
    }
    if (NO_EQUIVALENT.contains(name)) {
      return skipped + "Kila has no equivalent";
    }
    return skipped + switch (name) {
      case "note" -> "it shows text without asking anything, and Kila has no screen for that";
      case "calculate" -> "Kila does not compute values";
      case "decimal" -> "Kila numbers are whole numbers; ask in whole units (grams, shillings) as an integer";
      case "date", "time", "datetime" -> "Kila has no " + name + " question; ask a year or a period as an integer or choices";
      case "range" -> "ask it as an integer with a constraint such as . >= 1 and . <= 5";
      default -> "it is not an XLSForm type Kila knows";
    };
  }
}
