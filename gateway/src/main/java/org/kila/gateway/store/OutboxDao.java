package org.kila.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SMS outbox: writing texts (inside the transaction of the event that causes them), claiming due ones
 * for a sender, recording each attempt's outcome, and applying providers' delivery reports.
 */
@RegisterConstructorMapper(ClaimedMessage.class)
public interface OutboxDao {

  /**
   * Queues a text to a respondent. Empty when a text with this key is queued already, or when the number
   * opted out (only the opt-out acknowledgement still goes to an opted-out number).
   */
  @SqlQuery("""
      INSERT INTO sms_outbox (idempotency_key, provider, respondent_id, to_enc, body, segments, encoding, kind,
                              next_attempt_at, survey_id, session_id, created_at, updated_at)
      SELECT :idempotencyKey, :provider, r.id, r.phone_enc, :body, :segments, :encoding, :kind,
             :notBefore, :surveyId, CAST(:sessionId AS uuid), :now, :now
        FROM respondent r
       WHERE r.id = :respondentId
         AND (:kind = 'optout_ack'
              OR NOT EXISTS (SELECT 1 FROM sms_opt_out o WHERE o.phone_hash = r.phone_hash))
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id""")
  Optional<Long> enqueue(@BindMethods NewOutboxMessage message, Instant now);

  String CLAIMED_COLUMNS = """
      o.id, o.idempotency_key, o.provider, o.respondent_id, o.to_enc, o.body, o.segments, o.kind, o.attempts,
      o.attempt_started_at, o.lease_until,
      o.kind <> 'optout_ack' AND EXISTS (SELECT 1 FROM sms_opt_out x JOIN respondent r ON r.phone_hash = x.phone_hash
                                          WHERE r.id = o.respondent_id) AS opted_out""";

  /**
   * Claims up to {@code limit} due texts of one provider, oldest due first, for one attempt each: they
   * become {@code sending}, leased until {@code leaseUntil}. Rows another sender holds are skipped, not
   * waited for, so several gateway instances can send at once.
   */
  @SqlQuery("""
      WITH due AS (
        SELECT id FROM sms_outbox
         WHERE provider = :provider AND status = 'queued' AND next_attempt_at <= :now
         ORDER BY next_attempt_at, id
         LIMIT :limit
           FOR UPDATE SKIP LOCKED)
      UPDATE sms_outbox o
         SET status = 'sending', attempts = o.attempts + 1, lease_until = :leaseUntil, attempt_started_at = :now,
             updated_at = :now
        FROM due
       WHERE o.id = due.id
      RETURNING\s""" + CLAIMED_COLUMNS)
  List<ClaimedMessage> claimDue(String provider, Instant now, Instant leaseUntil, int limit);

  /**
   * Texts of one provider whose sender's lease ran out while sending (it crashed, or hung past its
   * lease), leased anew to the caller to find out whether the provider got them. Their attempt count and
   * start stay as they were.
   */
  @SqlQuery("""
      WITH lost AS (
        SELECT id FROM sms_outbox
         WHERE provider = :provider AND status = 'sending' AND lease_until < :now
         ORDER BY lease_until, id
         LIMIT :limit
           FOR UPDATE SKIP LOCKED)
      UPDATE sms_outbox o
         SET lease_until = :leaseUntil, updated_at = :now
        FROM lost
       WHERE o.id = lost.id
      RETURNING\s""" + CLAIMED_COLUMNS)
  List<ClaimedMessage> claimLapsed(String provider, Instant now, Instant leaseUntil, int limit);

  /*
   * The three marks below name the lease the caller holds: a sender whose lease lapsed (it hung past it)
   * and whose row was re-leased to another finds the row changed and updates nothing, so only the
   * current holder decides what became of the attempt.
   */

  /** The provider took the text. False when the row moved on meanwhile (a delivery report, another sender). */
  @SqlUpdate("""
      UPDATE sms_outbox
         SET status = 'sent', provider_message_id = :providerMessageId, sent_at = :now, lease_until = NULL,
             last_error = NULL, updated_at = :now
       WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
  boolean markSent(long id, Instant lease, String providerMessageId, Instant now);

  /** Back in the queue for another attempt at {@code nextAttemptAt}. */
  @SqlUpdate("""
      UPDATE sms_outbox
         SET status = 'queued', next_attempt_at = :nextAttemptAt, lease_until = NULL, last_error = :error,
             updated_at = :now
       WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
  boolean markRetry(long id, Instant lease, Instant nextAttemptAt, String error, Instant now);

  /**
   * The provider may have taken the text, and did not say: the row stays {@code sending} with a lease that
   * lapses at {@code lookUpAt}, when a sender asks the provider what became of it (as after a crash).
   */
  @SqlUpdate("""
      UPDATE sms_outbox
         SET lease_until = :lookUpAt, last_error = :error, updated_at = :now
       WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
  boolean markInDoubt(long id, Instant lease, Instant lookUpAt, String error, Instant now);

  /** Given up: {@code failed} with the provider's reason and code, or {@code cancelled} (opted out). */
  @SqlUpdate("""
      UPDATE sms_outbox
         SET status = :status, last_error = :error, error_code = :code, lease_until = NULL, updated_at = :now
       WHERE id = :id AND status = 'sending' AND lease_until = :lease""")
  boolean markGivenUp(long id, Instant lease, OutboxStatus status, String error, String code, Instant now);

  /** Which of {@code providerMessageIds} some row already holds. */
  @SqlQuery("""
      SELECT provider_message_id FROM sms_outbox
       WHERE provider = :provider AND provider_message_id IN (<providerMessageIds>)""")
  List<String> heldProviderIds(String provider, @BindList("providerMessageIds") List<String> providerMessageIds);

  /**
   * A provider's delivery report, found by the provider's id or by our key (a report can arrive for a
   * message whose provider id we never stored, because we crashed after sending it). A status only moves
   * forward: a report older than what we know changes nothing. Returns the recipients of the rows it moved.
   */
  @SqlQuery("""
      UPDATE sms_outbox
         SET status = :status,
             provider_message_id = COALESCE(provider_message_id, :providerMessageId),
             error_code = COALESCE(:errorCode, error_code),
             sent_at = COALESCE(sent_at, :at), lease_until = NULL, updated_at = :at
       WHERE ((provider = :provider AND provider_message_id = :providerMessageId)
              OR (CAST(:key AS text) IS NOT NULL AND idempotency_key = :key AND provider = :provider))
         AND (CASE status WHEN 'queued' THEN 0 WHEN 'sending' THEN 1 WHEN 'sent' THEN 2 ELSE 3 END) < :rank
      RETURNING respondent_id""")
  List<UUID> applyReport(String provider, String providerMessageId, String key, OutboxStatus status, int rank,
      String errorCode, Instant at);

  /** Withdraws every queued text to the respondents with this phone hash, but an opt-out acknowledgement. */
  @SqlUpdate("""
      UPDATE sms_outbox
         SET status = 'cancelled', last_error = 'opted out', updated_at = :now
       WHERE status = 'queued' AND kind <> 'optout_ack'
         AND respondent_id IN (SELECT id FROM respondent WHERE phone_hash = :phoneHash)""")
  int cancelQueued(byte[] phoneHash, Instant now);

  /** Texts waiting to go out or going out: the outbox depth. */
  @SqlQuery("SELECT count(*) FROM sms_outbox WHERE status IN ('queued', 'sending')")
  long depth();

  /** How long the oldest due text has waited, in seconds; 0 when none is due. */
  @SqlQuery("""
      SELECT COALESCE(EXTRACT(EPOCH FROM (:now - min(next_attempt_at))), 0)
        FROM sms_outbox WHERE status = 'queued' AND next_attempt_at <= :now""")
  double oldestDueSeconds(Instant now);
}
