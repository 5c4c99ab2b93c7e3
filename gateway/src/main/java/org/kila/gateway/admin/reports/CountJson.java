package org.kila.gateway.admin.reports;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.kila.survey.tally.SuppressedCell;

/**
 * Writes published counts into JSON: the count, or null when it is hidden, and keeps a tally of how many
 * it left out so an answer can say {@code "hidden": n}.
 */
public final class CountJson {
  private int hidden;

  /** Puts {@code key}: the count, or null when the entry is hidden. */
  public JsonObject put(JsonObject into, String key, SuppressedCell cell) {
    if (cell.isShown()) {
      return into.put(key, cell.count());
    }
    hidden++;
    return into.putNull(key);
  }

  /** As {@link #put}, and {@code "suppressed"}: null, {@code "primary"} or {@code "secondary"}. */
  public JsonObject putWithReason(JsonObject into, String key, SuppressedCell cell) {
    put(into, key, cell);
    return cell.isShown() ? into.putNull("suppressed") : into.put("suppressed", reason(cell));
  }

  /** {@code "primary"} (under the threshold) or {@code "secondary"} (hidden to protect one that is); null when shown. */
  public static String reason(SuppressedCell cell) {
    return cell.isShown() ? null : cell.status().name().toLowerCase(Locale.ROOT);
  }

  public int hidden() {
    return hidden;
  }
}
