package org.kila.gateway.session;

import org.jdbi.v3.core.Handle;
import org.kila.gateway.store.QuotaDao;
import org.kila.survey.engine.QuotaCounts;

/**
 * The engine's quota port, read inside the hop's transaction and only when the engine asks (most hops
 * never do), so the hot path pays nothing for quotas.
 */
final class QuotaLookup {
  private QuotaLookup() {}

  static QuotaCounts within(Handle h, String surveyId) {
    return (quotaId, stratumKey) -> h.attach(QuotaDao.class).completed(surveyId, quotaId, stratumKey);
  }
}
