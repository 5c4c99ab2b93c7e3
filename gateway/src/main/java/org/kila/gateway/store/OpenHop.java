package org.kila.gateway.store;

import java.util.UUID;

/**
 * An aggregator session and the survey session it carries, as one hop reads them (without a lock: the hop's
 * write checks {@code hops} instead, see {@link HopStore}).
 *
 * @param channelId the {@code channel_session} row
 * @param lastInput the aggregator's cumulative text so far, to derive the next input from
 * @param lastHopKey what identifies the last hop answered; with {@code lastReply} and {@code lastReplyEnds},
 *     what a retry of it is answered with
 * @param state the engine's state as JSON
 * @param hops how many hops the survey session has had: the version the hop's write expects to find
 */
public record OpenHop(long channelId, String lastInput, String lastHopKey, String lastReply, boolean lastReplyEnds,
    UUID sessionId, String surveyId, int surveyVersion, UUID respondentId, String state, String currentQuestion,
    int hops) {}
