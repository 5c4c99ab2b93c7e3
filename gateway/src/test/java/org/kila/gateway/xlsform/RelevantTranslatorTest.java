package org.kila.gateway.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kila.survey.model.QuestionType;

/** Each relevant form a designer writes, and what Kila's showIf becomes (in JSON, with ' for "). */
class RelevantTranslatorTest {
  private static final Map<String, ImportedQuestion> ASKED = Map.of(
      "gender", choice("gender", QuestionType.SINGLE_CHOICE, "female", "male", "prefer_not_to_say"),
      "Region-1", new ImportedQuestion("Region-1", "region_1", QuestionType.SINGLE_CHOICE,
          Map.of("coast", "coast", "Nairobi City", "Nairobi_City"), null, null),
      "barriers", choice("barriers", QuestionType.MULTIPLE_CHOICE, "fees", "distance", "other"),
      "in_school", new ImportedQuestion("in_school", "in_school", QuestionType.YES_NO, Map.of("Yes", "yes", "No", "no"), null, null),
      "age", new ImportedQuestion("age", "age", QuestionType.NUMBER, Map.of(), 10L, 35L),
      "name", new ImportedQuestion("name", "name", QuestionType.TEXT, Map.of(), null, null));
  private static final Map<String, String> NOT_IMPORTED = Map.of("gps", "it is a geopoint row");

  private static ImportedQuestion choice(String name, QuestionType type, String... values) {
    Map<String, String> byName = new HashMap<>();
    for (String v : values) {
      byName.put(v, v);
    }
    return new ImportedQuestion(name, name, type, byName, null, null);
  }

  private static String convert(String relevant) throws NotConvertible {
    return DefinitionJson.condition(new RelevantTranslator(ASKED, NOT_IMPORTED).translate(ExpressionParser.parse(relevant)))
        .toString().replace('"', '\'');
  }

  private static String refusal(String relevant) {
    return assertThrows(NotConvertible.class, () -> convert(relevant)).getMessage();
  }

  @Test
  void equalsAndNotEqualsOnAChoice() throws NotConvertible {
    assertEquals("{'question':'gender','anyOf':['female']}", convert("${gender} = 'female'"));
    assertEquals("{'question':'gender','anyOf':['female']}", convert("${gender}=\"female\""));
    assertEquals("{'not':{'question':'gender','anyOf':['male']}}", convert("${gender} != 'male'"));
    assertEquals("{'question':'gender','anyOf':['female']}", convert("'female' = ${gender}"));
  }

  @Test
  void selectedOnMultipleSingleAndYesNo() throws NotConvertible {
    assertEquals("{'question':'barriers','anyOf':['other']}", convert("selected(${barriers}, 'other')"));
    assertEquals("{'question':'gender','anyOf':['female']}", convert("selected( ${gender} , 'female' )"));
    assertEquals("{'question':'in_school','anyOf':['yes']}", convert("selected(${in_school}, 'Yes')"));
  }

  @Test
  void choiceNamesBecomeTheirKilaValues() throws NotConvertible {
    assertEquals("{'question':'region_1','anyOf':['Nairobi_City']}", convert("${Region-1} = 'Nairobi City'"));
    assertEquals("{'question':'in_school','anyOf':['no']}", convert("${in_school} = 'No'"));
  }

  @Test
  void wholeNumberComparisons() throws NotConvertible {
    assertEquals("{'question':'age','min':18}", convert("${age} >= 18"));
    assertEquals("{'question':'age','min':19}", convert("${age} > 18"));
    assertEquals("{'question':'age','max':24}", convert("${age} <= 24"));
    assertEquals("{'question':'age','max':24}", convert("${age} < 25"));
    assertEquals("{'question':'age','min':18,'max':18}", convert("${age} = 18"));
    assertEquals("{'not':{'question':'age','min':18,'max':18}}", convert("${age} != 18"));
    assertEquals("{'question':'age','min':18}", convert("18 <= ${age}"));
    assertEquals("{'question':'age','max':-1}", convert("${age} < 0"));
  }

  @Test
  void andOrNotAndBracketsNest() throws NotConvertible {
    assertEquals("{'all':[{'question':'age','min':18},{'any':[{'question':'gender','anyOf':['female']},"
        + "{'question':'barriers','anyOf':['fees']}]}]}",
        convert("${age} >= 18 and (${gender} = 'female' or selected(${barriers}, 'fees'))"));
    assertEquals("{'not':{'all':[{'question':'gender','anyOf':['male']},{'question':'age','max':17}]}}",
        convert("not(${gender} = 'male' and ${age} < 18)"));
    assertEquals("{'any':[{'question':'age','max':14},{'all':[{'question':'gender','anyOf':['female']},"
        + "{'question':'age','min':30}]}]}", convert("${age} < 15 or ${gender} = 'female' and ${age} >= 30"));
  }

  @Test
  void rangesOnOneQuestionAndValuesOfOneQuestionMerge() throws NotConvertible {
    assertEquals("{'question':'age','min':18,'max':24}", convert("${age} >= 18 and ${age} <= 24"));
    assertEquals("{'question':'gender','anyOf':['female','prefer_not_to_say']}",
        convert("${gender} = 'female' or ${gender} = 'prefer_not_to_say'"));
    assertEquals("{'question':'gender','anyOf':['female']}", convert("not(not(${gender} = 'female'))"));
    assertEquals("{'question':'gender','anyOf':['female']}", convert("((${gender} = 'female'))"));
  }

  @Test
  void answeredOrNot() throws NotConvertible {
    assertEquals("{'question':'gender','anyOf':['female','male','prefer_not_to_say']}", convert("${gender} != ''"));
    assertEquals("{'not':{'question':'age','min':10,'max':35}}", convert("${age} = ''"));
  }

  @Test
  void refusesWhatKilaCannotExpress() {
    assertEquals("${barriers} is a select_multiple: test one of its answers with selected(${barriers}, 'fees')",
        refusal("${barriers} = 'fees'"));
    assertEquals("${name} is a text question: Kila conditions cannot test free text", refusal("${name} = 'Amina'"));
    assertEquals("${gender} is a choice question: > compares numbers", refusal("${gender} > 'a'"));
    assertEquals("${age} is a whole number, compared with \"17.5\"", refusal("${age} > 17.5"));
    assertEquals("compares two answers, ${age} and ${gender}", refusal("${age} = ${gender}"));
    assertEquals("count-selected() is not supported", refusal("not(count-selected(${barriers}) > 1)"));
    assertEquals("string-length() is not supported", refusal("string-length(${name}) > 0"));
    assertEquals("only an answer ${name} compared with a value is supported", refusal("'a' = 'b'"));
    assertEquals("${gps} was not imported (it is a geopoint row)", refusal("${gps} != ''"));
    assertEquals("${later} is not a question asked before this one", refusal("${later} = 'x'"));
    assertEquals("selected() on ${age}, which is not a choice question", refusal("selected(${age}, '3')"));
    assertEquals("${gender} on its own is not a test: compare it with a value", refusal("${gender}"));
  }

  @Test
  void refusesWhatDoesNotParse() {
    assertEquals("\"+\" at character 8 (arithmetic, paths and the like) is not supported", refusal("${age} + 1 > 18"));
    assertEquals("\"-\" at character 8 (arithmetic, paths and the like) is not supported", refusal("${age} - 1 > 18"));
    assertEquals("expected \")\" but found the end", refusal("(${age} > 18"));
    assertEquals("unexpected \")\" at character 12", refusal("${age} > 18)"));
    assertEquals("the quote at character 13 is not closed", refusal("${gender} = 'female"));
    assertEquals("${ at character 1 is not closed with }", refusal("${gender = 'f'"));
    assertEquals("\"and\" at character 1 has nothing before it", refusal("and ${age} > 1"));
    assertEquals("\"..\" (the parent group) is not supported", refusal("../age > 1"));
    assertEquals("it ends too early", refusal("${age} >"));
    assertEquals("chained comparison at character 12", refusal("${age} > 1 = 2"));
    assertEquals("\"true\" at character 1 is not a ${name} reference or a function call", refusal("true"));
    assertEquals("true() is not supported", refusal("true()"));
  }
}
