package org.kila.gateway.store;

import java.time.Instant;

/**
 * An aggregator's end-of-session notice as received.
 *
 * @param status the aggregator's outcome, normalised by the adapter (e.g. {@code dropped}, {@code completed}, {@code failed})
 * @param hopsCount null when not sent
 * @param durationMs null when not sent
 * @param lastAppResponse the last screen as the aggregator echoes it, or null
 */
public record UssdEndEventRow(String aggregator, String externalId, String status, Integer hopsCount, Long durationMs,
    String lastAppResponse, Instant receivedAt) {}
