package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code channel_session}: one aggregator session and what is needed to answer its retried hop
 * the same way.
 *
 * @param lastInput the aggregator's cumulative text so far (Africa's Talking), to derive the next input from
 * @param lastHopKey what identifies the last hop answered
 * @param lastReply the reply to that hop; with {@code lastReplyEnds}, whether it ended the session
 * @param hops how many hops were answered
 */
public record ChannelSessionRow(
    long id,
    String aggregator,
    String externalId,
    UUID sessionId,
    String serviceCode,
    String lastInput,
    String lastHopKey,
    String lastReply,
    boolean lastReplyEnds,
    int hops,
    Instant createdAt,
    Instant updatedAt) {}
