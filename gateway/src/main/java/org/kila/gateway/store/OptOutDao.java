package org.kila.gateway.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Numbers that opted out of SMS, by phone hash. */
public interface OptOutDao {

  /** How a number opted out, as stored in {@code sms_opt_out.source} (lower case). */
  enum Source {
    /** They sent STOP (or a translation) to us. */
    KEYWORD,
    /** Their provider read an opt-out keyword and told us (Twilio's OptOutType). */
    PROVIDER_KEYWORD,
    /** A send was refused because the number opted out (Twilio 21610, Africa's Talking 406). */
    PROVIDER_REFUSAL,
    /** A delivery report said the number blocked us. */
    DELIVERY_REPORT
  }

  /** True when this is news: the number was not opted out before. */
  @SqlUpdate("""
      INSERT INTO sms_opt_out (phone_hash, opted_out_at, source) VALUES (:phoneHash, :at, :source)
      ON CONFLICT (phone_hash) DO NOTHING""")
  boolean optOut(byte[] phoneHash, Instant at, Source source);

  /** True when the number was opted out and no longer is. */
  @SqlUpdate("DELETE FROM sms_opt_out WHERE phone_hash = :phoneHash")
  boolean optIn(byte[] phoneHash);

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM sms_opt_out WHERE phone_hash = :phoneHash)")
  boolean isOptedOut(byte[] phoneHash);

  /** The phone hash of a respondent, to record an opt-out learnt from a send to them. */
  @SqlQuery("SELECT phone_hash FROM respondent WHERE id = :respondentId")
  Optional<byte[]> phoneHashOf(UUID respondentId);
}
