package org.kila.gateway.xlsform;

import java.util.List;
import java.util.Map;
import org.kila.survey.model.QuestionType;

/**
 * A survey row that became a Kila question, as later {@code relevant} expressions refer to it: its
 * XLSForm name, its Kila id and type, and for choice questions the Kila value of each XLSForm choice name
 * (they differ when a name had characters Kila does not allow, and for yes/no lists), and for number
 * questions their range, within which every recorded answer lies.
 */
record ImportedQuestion(String name, String id, QuestionType type, Map<String, String> values, Long min, Long max) {
  ImportedQuestion {
    values = Map.copyOf(values);
  }

  /** The Kila value of a choice name as an expression writes it; unknown names pass through, for the validator to report. */
  String value(String choiceName) {
    return values.getOrDefault(choiceName, choiceName);
  }

  /** Every value the question can record, in no particular order. */
  List<String> allValues() {
    return values.values().stream().distinct().sorted().toList();
  }
}
