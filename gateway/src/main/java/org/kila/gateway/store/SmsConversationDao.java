package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Inbound texts seen and the conversation each number is in. Call it inside one transaction per text. */
@RegisterConstructorMapper(SmsConversationRow.class)
public interface SmsConversationDao {

  /** True the first time this provider's message id is seen; false for a second delivery of it. */
  @SqlUpdate("""
      INSERT INTO sms_inbound (provider, provider_message_id, respondent_id, received_at)
      VALUES (:provider, :providerMessageId, :respondentId, :now)
      ON CONFLICT (provider, provider_message_id) DO NOTHING""")
  boolean recordInbound(String provider, String providerMessageId, UUID respondentId, Instant now);

  /**
   * The number's conversation, created empty on its first text, locked until the transaction ends so
   * that two texts of one number are handled one after the other.
   */
  default SmsConversationRow lock(String provider, byte[] phoneHash, UUID respondentId, Instant now) {
    create(provider, phoneHash, respondentId, now);
    return lockExisting(provider, phoneHash);
  }

  /** Use {@link #lock}. */
  @SqlUpdate("""
      INSERT INTO sms_conversation (provider, phone_hash, respondent_id, updated_at)
      VALUES (:provider, :phoneHash, :respondentId, :now)
      ON CONFLICT (provider, phone_hash) DO NOTHING""")
  void create(String provider, byte[] phoneHash, UUID respondentId, Instant now);

  /** Use {@link #lock}. */
  @SqlQuery("""
      SELECT provider, phone_hash, respondent_id, session_id, expires_at, last_help_at, updated_at
        FROM sms_conversation WHERE provider = :provider AND phone_hash = :phoneHash
         FOR UPDATE""")
  SmsConversationRow lockExisting(String provider, byte[] phoneHash);

  /** The conversation now answers {@code sessionId}, until {@code expiresAt}. */
  @SqlUpdate("""
      UPDATE sms_conversation SET session_id = :sessionId, expires_at = :expiresAt, updated_at = :now
       WHERE provider = :provider AND phone_hash = :phoneHash""")
  void attach(String provider, byte[] phoneHash, UUID sessionId, Instant expiresAt, Instant now);

  @SqlUpdate("""
      UPDATE sms_conversation SET last_help_at = :now, updated_at = :now
       WHERE provider = :provider AND phone_hash = :phoneHash""")
  void helpSent(String provider, byte[] phoneHash, Instant now);
}
