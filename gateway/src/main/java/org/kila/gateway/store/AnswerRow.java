package org.kila.gateway.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code answer}.
 *
 * @param carriedOver taken from the respondent's profile rather than asked in this session
 * @param hopSeq the hop of the session that gave it; with the session and question, what makes a retried
 *     hop's answer a duplicate
 */
public record AnswerRow(UUID sessionId, String questionId, String value, boolean carriedOver, int hopSeq,
    Instant answeredAt) {}
