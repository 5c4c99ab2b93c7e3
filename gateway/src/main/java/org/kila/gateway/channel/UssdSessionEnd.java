package org.kila.gateway.channel;

/**
 * An aggregator's notice that a USSD session is over, normalised; the session layer records it (a
 * DROPPED session is one a respondent may resume).
 *
 * @param durationMillis how long the session lasted, or null when not sent
 * @param lastAppResponse the last screen the respondent saw, as the aggregator echoes it, or null
 * @param phone the respondent's number as sent, or null when not sent
 */
public record UssdSessionEnd(
    String aggregator,
    String externalSessionId,
    EndStatus status,
    int hopsCount,
    Long durationMillis,
    String lastAppResponse,
    String phone) {}
