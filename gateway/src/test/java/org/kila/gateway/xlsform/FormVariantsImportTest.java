package org.kila.gateway.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kila.gateway.xlsform.XlsFormFixture.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The less tidy forms found in the field: one language without a code, names Kila does not allow,
 * missing settings, spellings pyxform accepts, and rows only part of which can be converted.
 */
class FormVariantsImportTest {

  private static XlsFormImport read(XlsFormFixture workbook) throws XlsFormException {
    return XlsFormImporter.read(workbook.stream());
  }

  private static String json(JsonNode node) {
    return node.toString().replace('"', '\'');
  }

  private static void assertNote(XlsFormImport imported, String note) {
    assertTrue(imported.notes().contains(note), "no note \"" + note + "\" in " + imported.notes());
  }

  @Test
  void aSingleLanguageFormWithoutSettingsIsTakenAsEnglish() throws XlsFormException {
    XlsFormImport imported = read(new XlsFormFixture()
        .sheet("survey", row("Type", "Name", "Label"), row("integer", "age", "How old are you?")));
    JsonNode survey = imported.definition();
    assertEquals("[{'code':'en','name':'English'}]", json(survey.get("languages")));
    assertEquals("{'en':'How old are you?'}", json(survey.get("questions").get(0).get("text")));
    assertEquals("imported-survey", survey.get("id").asText());
    assertEquals("{'en':'Imported survey'}", json(survey.get("title")));
    assertEquals(1, survey.get("version").asInt());
    assertNote(imported, "The labels do not say their language: taken as English (en). If they are in another language,"
        + " name it in the header, like label::Kiswahili (sw).");
    assertNote(imported, "No usable form_id or form_title in the settings sheet: the survey id is \"imported-survey\".");
    assertNote(imported, "No version in the settings sheet: the survey starts at version 1.");
    assertNote(imported, "survey row 2 (age): no constraint; Kila needs a range, so answers from 0 to 999999 are accepted.");
  }

  @Test
  void languageNamesWithoutCodesAreLookedUpOrGuessedAndSaidSo() throws XlsFormException {
    XlsFormImport imported = read(new XlsFormFixture()
        .sheet("survey", row("type", "name", "label::English", "label::Kiswahili", "label::Kipsigis", "label::HA"),
            row("text", "town", "Town?", "Mji?", "Dala?", "Gari?"))
        .sheet("settings", row("form_title", "version"), row("Sauti ya Vijana", "v2")));
    JsonNode survey = imported.definition();
    assertEquals("[{'code':'en','name':'English'},{'code':'sw','name':'Kiswahili'},{'code':'kip','name':'Kipsigis'},"
        + "{'code':'ha','name':'Hausa'}]", json(survey.get("languages")));
    assertEquals("{'en':'Town?','sw':'Mji?','kip':'Dala?','ha':'Gari?'}", json(survey.get("questions").get(0).get("text")));
    assertNote(imported, "label::English: no language code given; took \"en\" for English.");
    assertNote(imported, "label::Kiswahili: no language code given; took \"sw\" for Kiswahili.");
    assertNote(imported, "label::Kipsigis: no language code given and \"Kipsigis\" is not a language Kila knows; used"
        + " \"kip\". Write the code in the header, like label::Kipsigis (xx), and import again.");
    assertEquals("sauti-ya-vijana", survey.get("id").asText());
    assertNote(imported, "No usable form_id in the settings sheet: the survey id \"sauti-ya-vijana\" comes from the title.");
    assertEquals(1, survey.get("version").asInt());
    assertNote(imported, "version \"v2\" is not a whole number from 1 to 2147483647: the survey starts at version 1.");
  }

  @Test
  void theDefaultLanguageComesFirstAndOwnsThePlainLabelColumn() throws XlsFormException {
    XlsFormImport imported = read(new XlsFormFixture()
        .sheet("survey", row("type", "name", "label::English (en)", "label"),
            row("text", "town", "Town?", "Mji?"), row("text", "street", "", "Mtaa?"))
        .sheet("settings", row("form_id", "default_language", "version"), row("mji", "Kiswahili (sw)", 99999999999L)));
    JsonNode survey = imported.definition();
    assertEquals("[{'code':'sw','name':'Kiswahili'},{'code':'en','name':'English'}]", json(survey.get("languages")));
    assertEquals("{'sw':'Mji?','en':'Town?'}", json(survey.get("questions").get(0).get("text")));
    assertEquals("{'sw':'Mtaa?'}", json(survey.get("questions").get(1).get("text")));
    assertNote(imported, "version \"99999999999\" is not a whole number from 1 to 2147483647: the survey starts at version 1.");
  }

  @Test
  void namesKilaDoesNotAllowBecomeIdsAndValuesAndConditionsFollow() throws XlsFormException {
    XlsFormImport imported = read(new XlsFormFixture()
        .sheet("survey", row("type", "name", "label", "relevant"),
            row("select one county", "Home-County", "County?"),
            row("select_one county", "home_county", "Again?"),
            row("integer", "1st_child_age", "Age of first child?", "${Home-County} = 'Nairobi City'"))
        .sheet("choices", row("list name", "name", "label"),
            row("county", "Nairobi City", "Nairobi"), row("county", "mombasa", "Mombasa"),
            row("county", "mombasa", "Mombasa again"), row("county", null, "No name"), row(null, "x", "No list")));
    JsonNode questions = imported.definition().get("questions");
    assertEquals(List.of("home_county", "home_county_2", "q_1st_child_age"), questions.findValuesAsText("id"));
    assertEquals("[{'value':'Nairobi_City','label':{'en':'Nairobi'},'preferNotToSay':false},"
        + "{'value':'mombasa','label':{'en':'Mombasa'},'preferNotToSay':false}]", json(questions.get(0).get("choices")));
    assertEquals("{'question':'home_county','anyOf':['Nairobi_City']}", json(questions.get(2).get("showIf")));
    assertNote(imported, "survey row 2: the name \"Home-County\" became the question id \"home_county\" (lowercase"
        + " letters, digits and underscores, starting with a letter).");
    assertNote(imported, "survey row 3: the name \"home_county\" became the question id \"home_county_2\" (lowercase"
        + " letters, digits and underscores, starting with a letter).");
    assertNote(imported, "choices row 2: the name \"Nairobi City\" became the value \"Nairobi_City\" (letters, digits,"
        + " \"_\", \".\" and \"-\" only).");
    assertEquals(List.of(
        new Skipped("choices", 4, "choice skipped: \"mombasa\" is already in list \"county\" (row 3)"),
        new Skipped("choices", 5, "choice skipped: it has no name"),
        new Skipped("choices", 6, "choice skipped: it has no list_name")), imported.skipped());
  }

  @Test
  void rowsOnlyPartlyConvertedAreReportedAndTheRestKept() throws XlsFormException {
    XlsFormImport imported = read(new XlsFormFixture()
        .sheet("survey", row("type", "name", "label", "relevant", "constraint", "choice_filter"),
            row("text", "name", "Your name?"),
            row("select_one ward or_other", "ward", "Ward of ${name}?", null, null, "county = 'a'"),
            row("text", "story", "Tell us", "${later} = 'x'", "string-length(.) >= 5 and string-length(.) <= 500"),
            row("integer", "later", "Later?", "${name} = 'Amina'", ". != 0"),
            row("select_multiple ward", "wards", "Wards?", null, "count-selected(.) <= 2"),
            row("text", "code", "Code?", null, "regex(., '^[0-9]{4}$')"))
        .sheet("choices", row("list_name", "name", "label", "county"),
            row("ward", "w1", "Ward 1", "a"), row("ward", "w2", "Ward 2", "b")));
    assertEquals(List.of(
        new Skipped("survey", 3, "or_other not converted: no \"Other\" choice was added; add one to list \"ward\""),
        new Skipped("survey", 3, "the label refers to an earlier answer (${name}): Kila shows it as written"),
        new Skipped("survey", 3, "choice_filter not converted: county = 'a' (every choice of list \"ward\" is offered)"),
        new Skipped("survey", 4, "constraint partly converted: Kila has no shortest length, so string-length(.) >= 5"
            + " is not checked"),
        new Skipped("survey", 4, "a longest length of 500 is more than one SMS holds: maxLength is 160"),
        new Skipped("survey", 4, "relevant expression not converted: ${later} = 'x' (${later} is not a question asked"
            + " before this one); the question is asked without this condition"),
        new Skipped("survey", 5, "constraint not converted: . != 0 (\"!=\" leaves a gap in the range, which Kila cannot"
            + " express); the range is 0 to 999999 until you set it"),
        new Skipped("survey", 5, "relevant expression not converted: ${name} = 'Amina' (${name} is a text question: Kila"
            + " conditions cannot test free text); the question is asked without this condition"),
        new Skipped("survey", 6, "constraint not converted: count-selected(.) <= 2 (Kila accepts any of the listed choices)"),
        new Skipped("survey", 7, "constraint not converted: regex(., '^[0-9]{4}$') (only comparisons of string-length(.)"
            + " with whole numbers, joined by \"and\", are converted); maxLength is 160")), imported.skipped());
    JsonNode questions = imported.definition().get("questions");
    assertEquals(List.of("name", "ward", "story", "later", "wards", "code"), questions.findValuesAsText("id"));
    assertEquals(160, questions.get(2).get("maxLength").asInt());
    assertNote(imported, "Choice columns not used by Kila, ignored: county.");
  }

  @Test
  void otherTypesAndStrayGroupRowsAreSkippedByName() throws XlsFormException {
    XlsFormImport imported = read(new XlsFormFixture()
        .sheet("survey", row("type", "name", "label"),
            row("note", "intro", "Welcome"),
            row("decimal", "weight", "Weight?"),
            row("date", "dob", "Born?"),
            row("select_one missing", "m", "M?"),
            row("select_one", "n", "N?"),
            row(null, "orphan", "No type"),
            row("end group"),
            row("integer", null, "No name"),
            row("hologram", "h", "H?"),
            row("begin group", "outer", "Outer"),
            row("int", "count", "How many?"),
            new Object[0],
            row("select_one_from_file wards.csv", "ward", "Ward?")));
    assertEquals(List.of(
        new Skipped("survey", 2, "type \"note\" skipped: it shows text without asking anything, and Kila has no screen for that"),
        new Skipped("survey", 3, "type \"decimal\" skipped: Kila numbers are whole numbers; ask in whole units (grams,"
            + " shillings) as an integer"),
        new Skipped("survey", 4, "type \"date\" skipped: Kila has no date question; ask a year or a period as an integer or choices"),
        new Skipped("survey", 5, "select_one skipped: list \"missing\" is not in the choices sheet"),
        new Skipped("survey", 6, "select_one skipped: it names no list"),
        new Skipped("survey", 7, "\"orphan\" skipped: it has no type"),
        new Skipped("survey", 8, "end_group ignored: no begin_group before it"),
        new Skipped("survey", 9, "integer skipped: it has no name"),
        new Skipped("survey", 10, "type \"hologram\" skipped: it is not an XLSForm type Kila knows"),
        new Skipped("survey", 14, "type \"select_one_from_file\" skipped: Kila has no equivalent")), imported.skipped());
    assertEquals(List.of("count"), imported.definition().get("questions").findValuesAsText("id"));
    assertNote(imported, "group \"outer\" (row 11) has no end_group: it ends with the sheet.");
  }
}
