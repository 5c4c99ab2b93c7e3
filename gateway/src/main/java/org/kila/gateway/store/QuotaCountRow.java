package org.kila.gateway.store;

/** Completed responses so far in one stratum of one quota. */
public record QuotaCountRow(String quotaId, String stratumKey, long completed) {}
