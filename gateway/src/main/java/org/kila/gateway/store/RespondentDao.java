package org.kila.gateway.store;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Respondents, known by the keyed hash of their phone number (see {@code crypto.PhoneVault}). */
public interface RespondentDao {

  /**
   * The respondent with this phone hash, created on first contact; keeps the newest encrypted number
   * (each encryption differs, and the newest was made with the current key).
   */
  @SqlQuery("""
      INSERT INTO respondent (phone_hash, phone_enc) VALUES (:phoneHash, :phoneEnc)
      ON CONFLICT (phone_hash) DO UPDATE SET phone_enc = EXCLUDED.phone_enc
      RETURNING id""")
  UUID upsert(byte[] phoneHash, byte[] phoneEnc);

  @SqlQuery("SELECT id FROM respondent WHERE phone_hash = :phoneHash")
  Optional<UUID> findId(byte[] phoneHash);

  /** The encrypted phone number, for replying by SMS. */
  @SqlQuery("SELECT phone_enc FROM respondent WHERE id = :id")
  Optional<byte[]> findPhoneEnc(UUID id);
}
