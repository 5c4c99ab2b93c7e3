package org.kila.gateway.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Aggregators' end-of-session notices, each kept once however often it is delivered. */
@RegisterConstructorMapper(UssdEndEventRow.class)
public interface UssdEventDao {

  /** Records the notice; false when this aggregator session's notice was recorded before. */
  @SqlUpdate("""
      INSERT INTO ussd_end_event (aggregator, external_id, status, hops_count, duration_ms, last_app_response, received_at)
      VALUES (:aggregator, :externalId, :status, :hopsCount, :durationMs, :lastAppResponse, :receivedAt)
      ON CONFLICT (aggregator, external_id) DO NOTHING""")
  boolean record(@BindMethods UssdEndEventRow event);

  @SqlQuery("""
      SELECT aggregator, external_id, status, hops_count, duration_ms, last_app_response, received_at
        FROM ussd_end_event WHERE aggregator = :aggregator AND external_id = :externalId""")
  Optional<UssdEndEventRow> find(String aggregator, String externalId);
}
