package org.kila.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SMS invitations: who was invited to which survey, and in which language. */
public interface InvitationDao {

  /** True when this is the respondent's first invitation to the survey. */
  @SqlUpdate("""
      INSERT INTO sms_invitation (survey_id, respondent_id, language, provider, invited_at, send_at)
      VALUES (:surveyId, :respondentId, :language, :provider, :now, :sendAt)
      ON CONFLICT (survey_id, respondent_id) DO NOTHING""")
  boolean invite(String surveyId, UUID respondentId, String language, String provider, Instant now, Instant sendAt);

  /** The language an invitation gave, so the survey starts in it when the respondent replies. */
  @SqlQuery("SELECT language FROM sms_invitation WHERE survey_id = :surveyId AND respondent_id = :respondentId AND language IS NOT NULL")
  Optional<String> language(String surveyId, UUID respondentId);

  @SqlQuery("SELECT invited_at FROM sms_invitation WHERE survey_id = :surveyId AND respondent_id = :respondentId")
  Optional<Instant> invitedAt(String surveyId, UUID respondentId);

  /**
   * Profile values an invitation list gave, for keys the respondent's profile does not hold yet: what a
   * respondent said themselves wins over what a list says about them.
   */
  default void addKnownProfile(UUID respondentId, Instant now, Map<String, String> values) {
    if (!values.isEmpty()) {
      TreeMap<String, String> sorted = new TreeMap<>(values);
      addKnownProfileBatch(respondentId, now, List.copyOf(sorted.keySet()), List.copyOf(sorted.values()));
    }
  }

  /** Use {@link #addKnownProfile}: {@code keys} and {@code values} are parallel lists. */
  @SqlBatch("""
      INSERT INTO respondent_profile (respondent_id, profile_key, value, updated_at)
      VALUES (:respondentId, :keys, :values, :now)
      ON CONFLICT (respondent_id, profile_key) DO NOTHING""")
  void addKnownProfileBatch(UUID respondentId, Instant now, List<String> keys, List<String> values);
}
