package org.kila.gateway.xlsform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.model.Language;
import org.kila.survey.model.LocalizedText;
import org.kila.survey.model.Question;
import org.kila.survey.model.Settings;
import org.kila.survey.model.SmsSettings;
import org.kila.survey.model.SurveyDefinition;
import org.kila.survey.model.Triggers;

/**
 * Imports a survey from an XLSForm spreadsheet (.xlsx), the ODK/Kobo format NGOs already write their
 * forms in, as a Kila definition plus a row-by-row account of what could not be converted. It reads the
 * survey, choices and settings sheets; it never throws on a bad upload except with an
 * {@link XlsFormException} that says what is wrong. The format: https://xlsform.org
 */
public final class XlsFormImporter {
  private XlsFormImporter() {}

  /** Reads the spreadsheet and converts what Kila can ask. Does not close {@code xlsx}. */
  public static XlsFormImport read(InputStream xlsx) throws XlsFormException {
    XlsxWorkbook workbook = XlsxWorkbook.read(xlsx);
    SheetTable survey = workbook.sheet(SurveyRows.SHEET).orElseThrow(() -> notAnXlsForm(
        "There is no \"survey\" sheet (the sheets are: " + String.join(", ", workbook.sheetNames())
            + "). An XLSForm has a survey sheet with type, name and label columns."));
    if (survey.columns().isEmpty()) {
      throw notAnXlsForm("The survey sheet is empty: its first row should name the columns type, name and label.");
    }
    for (String column : List.of("type", "name")) {
      if (!survey.has(column)) {
        throw notAnXlsForm("The survey sheet has no \"" + column + "\" column in its first row (it has: "
            + ChoiceLists.headers(survey) + ").");
      }
    }
    if (survey.rows().isEmpty()) {
      throw notAnXlsForm("The survey sheet has a header row but no questions under it.");
    }
    List<Skipped> skipped = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    FormSettings settings = FormSettings.of(workbook.sheet("settings").orElse(null), notes);
    SheetTable choicesSheet = workbook.sheet(ChoiceLists.SHEET).filter(s -> !s.columns().isEmpty()).orElse(null);
    FormLanguages languages = FormLanguages.of(survey, choicesSheet, settings.defaultLanguage(), notes);
    ChoiceLists lists = choicesSheet == null ? ChoiceLists.none() : ChoiceLists.of(choicesSheet, languages, skipped, notes);
    List<Question> questions = new SurveyRows(survey, languages, lists, skipped, notes).questions();
    if (questions.isEmpty()) {
      notes.add("No row could be converted into a question: see the skipped rows.");
    }
    List<Language> surveyLanguages = languages.languages();
    if (surveyLanguages.size() > 1) {
      notes.add("form_title is used as the title in every language; translate it in the editor.");
    }
    notes.add("No USSD code or SMS keyword yet: add the survey's triggers before launching it.");
    SurveyDefinition definition = new SurveyDefinition(settings.id(), settings.version(), title(settings.title(), surveyLanguages),
        surveyLanguages, new Triggers(List.of(), List.of()), null, questions, List.of(), null, Settings.DEFAULTS,
        SmsSettings.UNSET);
    return new XlsFormImport(DefinitionJson.of(definition), skipped, notes);
  }

  /** The definition as indented JSON text, as the command line prints it and the definition reader reads it. */
  public static String toJson(XlsFormImport imported) {
    return pretty(imported.definition());
  }

  private static String pretty(ObjectNode node) {
    try {
      return DefinitionJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      // A tree we built ourselves always serialises; failing here is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  private static LocalizedText title(String title, List<Language> languages) {
    Map<String, String> byLanguage = new HashMap<>();
    languages.forEach(l -> byLanguage.put(l.code(), title));
    return new LocalizedText(byLanguage);
  }

  private static XlsFormException notAnXlsForm(String message) {
    return new XlsFormException(XlsFormException.Kind.NOT_AN_XLSFORM, message);
  }
}
