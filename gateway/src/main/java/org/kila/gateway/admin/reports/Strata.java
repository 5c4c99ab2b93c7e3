package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kila.gateway.admin.ApiException;
import org.kila.survey.model.Band;
import org.kila.survey.model.Choice;
import org.kila.survey.model.Question;
import org.kila.survey.model.SurveyDefinition;

/**
 * What a report is broken down by: up to three stratifiers of the survey, named by their profile keys as
 * in {@code by=gender,disability}, with the order their values are shown in. A stratum is one value per
 * stratifier, null where the session did not know it.
 */
public final class Strata {
  /** Intersections of more stratifiers split people into groups too small to show anything. */
  public static final int MOST = 3;

  private final List<String> keys;
  private final List<ValueOrder> orders;

  private Strata(List<String> keys, List<ValueOrder> orders) {
    this.keys = List.copyOf(keys);
    this.orders = List.copyOf(orders);
  }

  /** {@code by}: comma-separated profile keys, or null or empty for no breakdown; 400 for a key the survey lacks. */
  public static Strata parse(String by, SurveyDefinition definition) {
    Map<String, Question> stratifiers = new LinkedHashMap<>();
    definition.questions().stream().filter(Question::isStratifier)
        .forEach(q -> stratifiers.put(q.stratifier().profileKey(), q));
    List<String> keys = by == null ? List.of()
        : Arrays.stream(by.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    if (keys.size() > MOST) {
      throw ApiException.badRequest("A report can be broken down by at most " + MOST + " stratifiers at once, not "
          + keys.size() + ".");
    }
    List<ValueOrder> orders = new ArrayList<>();
    for (String key : keys) {
      Question q = stratifiers.get(key);
      if (q == null) {
        throw ApiException.badRequest("'" + key + "' is not a stratifier of this survey. "
            + (stratifiers.isEmpty() ? "It has none." : "It has: " + String.join(", ", stratifiers.keySet()) + "."));
      }
      orders.add(new ValueOrder(listedValues(q)));
    }
    return new Strata(keys, orders);
  }

  /** The values a question lists, in its order: choices, yes and no, or the bands of a derived stratifier. */
  static List<String> listedValues(Question q) {
    return switch (q.type()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> q.choices().stream().map(Choice::value).toList();
      case YES_NO -> List.of("yes", "no");
      case NUMBER -> q.isStratifier() ? q.stratifier().bands().stream().map(Band::value).toList() : List.of();
      case TEXT -> List.of();
    };
  }

  public List<String> keys() {
    return keys;
  }

  /** The stratum of a query row, from its three stratum columns (only the first {@code keys().size()} count). */
  List<String> stratum(String first, String second, String third) {
    return Arrays.asList(first, second, third).subList(0, keys.size());
  }

  /** Strata in the order a page shows them: by the first stratifier's order, then the second's, ... */
  Comparator<List<String>> order() {
    return (a, b) -> {
      for (int i = 0; i < keys.size(); i++) {
        int c = orders.get(i).compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /** {@code {"gender": "female", "disability": null}}: null where the value is not known. */
  JsonObject json(List<String> stratum) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < keys.size(); i++) {
      json.put(keys.get(i), stratum.get(i));
    }
    return json;
  }
}
