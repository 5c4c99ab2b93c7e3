package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.kila.gateway.store.QuotaCountRow;
import org.kila.survey.model.Quota;
import org.kila.survey.model.SurveyDefinition;

/**
 * Who took part, as published: sessions started and how they turned out, in total, per channel, per day
 * and per stratum, where people stopped, and each quota's completed count against its target with the
 * gap. Each breakdown is one {@link SafeTable} (its rows by outcome, the row total being who started),
 * so every count under the threshold is hidden, with others where totals could reveal it.
 */
public final class ParticipationReport {
  private static final List<String> CHANNEL_ORDER = List.of("ussd", "sms");

  private final SurveyDefinition definition;
  private final Strata strata;
  private final List<ParticipationRow> rows;
  private final List<DroppedRow> dropped;
  private final List<QuotaCountRow> quotaCounts;
  private final int threshold;
  private final String language;

  public ParticipationReport(SurveyDefinition definition, Strata strata, List<ParticipationRow> rows,
      List<DroppedRow> dropped, List<QuotaCountRow> quotaCounts, int threshold, String language) {
    this.definition = definition;
    this.strata = strata;
    this.rows = List.copyOf(rows);
    this.dropped = List.copyOf(dropped);
    this.quotaCounts = List.copyOf(quotaCounts);
    this.threshold = threshold;
    this.language = language != null && definition.languageCodes().contains(language) ? language
        : definition.languageCodes().get(0);
  }

  public JsonObject json() {
    CountJson counts = new CountJson();
    JsonObject json = new JsonObject().put("threshold", threshold);

    Breakdown<String> channels = breakdown(ParticipationRow::byChannel, ParticipationRow::channel,
        Comparator.comparing((String c) -> CHANNEL_ORDER.contains(c) ? CHANNEL_ORDER.indexOf(c) : CHANNEL_ORDER.size())
            .thenComparing(Comparator.naturalOrder()));
    SafeTable byChannel = channels.table(Outcome.values().length);
    JsonObject totals = counts.put(new JsonObject(), "started", byChannel.total());
    for (Outcome o : Outcome.values()) {
      counts.put(totals, o.json(), byChannel.columnTotal(o.ordinal()));
    }
    json.put("totals", totals);
    JsonArray channelJson = new JsonArray();
    for (int r = 0; r < channels.keys().size(); r++) {
      channelJson.add(outcomes(new JsonObject().put("channel", channels.keys().get(r)), byChannel, r, counts));
    }
    json.put("byChannel", channelJson);

    Breakdown<String> days = breakdown(ParticipationRow::byDay, ParticipationRow::day, Comparator.naturalOrder());
    SafeTable byDay = days.completedOrNot();
    JsonArray dayJson = new JsonArray();
    for (int r = 0; r < days.keys().size(); r++) {
      JsonObject day = counts.put(new JsonObject().put("day", days.keys().get(r)), "started", byDay.rowTotal(r));
      dayJson.add(counts.put(day, "completed", byDay.cell(r, 0)));
    }
    json.put("byDay", dayJson);

    json.put("dropOff", DropOff.json(definition, dropped, threshold, language, counts));

    JsonArray stratumJson = new JsonArray();
    if (!strata.keys().isEmpty()) {
      Breakdown<List<String>> byStratum = breakdown(ParticipationRow::byStratum,
          r -> strata.stratum(r.stratum1(), r.stratum2(), r.stratum3()), strata.order());
      SafeTable table = byStratum.table(Outcome.values().length);
      for (int r = 0; r < byStratum.keys().size(); r++) {
        stratumJson.add(outcomes(new JsonObject().put("stratum", strata.json(byStratum.keys().get(r))), table, r, counts));
      }
    }
    json.put("by", new JsonArray(strata.keys())).put("byStratum", stratumJson);
    json.put("quotas", quotas(counts));
    return json.put("hidden", counts.hidden());
  }

  private static JsonObject outcomes(JsonObject row, SafeTable table, int r, CountJson counts) {
    counts.put(row, "started", table.rowTotal(r));
    for (Outcome o : Outcome.values()) {
      counts.put(row, o.json(), table.cell(r, o.ordinal()));
    }
    return row;
  }

  private JsonArray quotas(CountJson counts) {
    Map<String, Long> completed = new HashMap<>();
    quotaCounts.forEach(q -> completed.put(q.quotaId() + "|" + q.stratumKey(), q.completed()));
    JsonArray json = new JsonArray();
    for (Quota quota : definition.quotas()) {
      int[] filled = quota.targets().stream()
          .mapToInt(t -> Math.toIntExact(completed.getOrDefault(quota.id() + "|" + Quota.stratumKey(t.stratum()), 0L)))
          .toArray();
      SafeTable table = SafeTable.column(filled, threshold);
      for (int i = 0; i < quota.targets().size(); i++) {
        Quota.Target target = quota.targets().get(i);
        JsonObject row = new JsonObject()
            .put("quotaId", quota.id())
            .put("stratum", new JsonObject(ordered(quota, target)))
            .put("target", target.count());
        counts.putWithReason(row, "completed", table.cell(i, 0));
        Integer done = table.cell(i, 0).count();
        json.add(row.put("gap", done == null ? null : Math.max(0, target.count() - done)));
      }
    }
    return json;
  }

  /** A target's stratum with its keys in the quota's order. */
  private static Map<String, Object> ordered(Quota quota, Quota.Target target) {
    Map<String, Object> stratum = new LinkedHashMap<>();
    quota.profileKeys().forEach(k -> stratum.put(k, target.stratum().get(k)));
    return stratum;
  }

  /** The rows of one grouping set, summed per key and outcome. */
  private <K> Breakdown<K> breakdown(Predicate<ParticipationRow> member, Function<ParticipationRow, K> key,
      Comparator<K> order) {
    Map<K, int[]> byKey = new HashMap<>();
    for (ParticipationRow row : rows) {
      Optional<Outcome> outcome = Outcome.of(row.status());
      if (member.test(row) && outcome.isPresent()) {
        byKey.computeIfAbsent(key.apply(row), k -> new int[Outcome.values().length])[outcome.get().ordinal()] += row.sessions();
      }
    }
    List<K> keys = new ArrayList<>(byKey.keySet());
    keys.sort(order);
    return new Breakdown<>(keys, keys.stream().map(byKey::get).toArray(int[][]::new), threshold);
  }

  /** One breakdown's keys, in order, and its counts by outcome. */
  private record Breakdown<K>(List<K> keys, int[][] byOutcome, int threshold) {
    SafeTable table(int columns) {
      return SafeTable.of(byOutcome, columns, threshold);
    }

    /** Completed, and everything else: what a day's chart shows (its row total is who started that day). */
    SafeTable completedOrNot() {
      int[][] counts = new int[byOutcome.length][];
      for (int r = 0; r < byOutcome.length; r++) {
        int all = 0;
        for (int n : byOutcome[r]) {
          all += n;
        }
        counts[r] = new int[] {byOutcome[r][Outcome.COMPLETED.ordinal()], all - byOutcome[r][Outcome.COMPLETED.ordinal()]};
      }
      return SafeTable.of(counts, 2, threshold);
    }
  }
}
