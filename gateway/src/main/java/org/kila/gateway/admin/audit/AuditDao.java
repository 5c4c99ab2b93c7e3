package org.kila.gateway.admin.audit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log: written in the same transaction as what it records, read newest first. */
@RegisterConstructorMapper(AuditEntry.class)
public interface AuditDao {

  @SqlUpdate("""
      INSERT INTO audit_event (at, actor, action, target, detail, address)
      VALUES (:at, :actor, :action, :target, :detail, :address)""")
  void record(@BindMethods AuditEntry entry);

  @SqlQuery("SELECT at, actor, action, target, detail, address FROM audit_event ORDER BY at DESC, id DESC LIMIT :limit")
  List<AuditEntry> latest(int limit);
}
