package org.kila.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What is known about a respondent's stratifiers (profile key -> value), kept across surveys. */
public interface ProfileDao {

  @SqlQuery("SELECT profile_key, value FROM respondent_profile WHERE respondent_id = :respondentId")
  @KeyColumn("profile_key")
  @ValueColumn("value")
  Map<String, String> load(UUID respondentId);

  /** Sets each value of {@code values}, noting the session that captured it; other keys are left alone. */
  default void upsert(UUID respondentId, UUID sessionId, Instant now, Map<String, String> values) {
    if (values.isEmpty()) {
      return;
    }
    // In key order, so two transactions touching the same keys lock them in the same order.
    TreeMap<String, String> sorted = new TreeMap<>(values);
    upsertBatch(respondentId, sessionId, now, List.copyOf(sorted.keySet()), List.copyOf(sorted.values()));
  }

  /** Use {@link #upsert}: {@code keys} and {@code values} are parallel lists. */
  @SqlBatch("""
      INSERT INTO respondent_profile (respondent_id, profile_key, value, session_id, updated_at)
      VALUES (:respondentId, :keys, :values, :sessionId, :now)
      ON CONFLICT (respondent_id, profile_key)
      DO UPDATE SET value = EXCLUDED.value, session_id = EXCLUDED.session_id, updated_at = EXCLUDED.updated_at""")
  void upsertBatch(UUID respondentId, UUID sessionId, Instant now, List<String> keys, List<String> values);
}
