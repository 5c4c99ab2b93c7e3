package org.kila.gateway.store;

import org.jdbi.v3.core.mapper.Nested;

/**
 * An aggregator session and its survey session, both locked ({@code FOR UPDATE}) until the end of the
 * transaction that read them, so two deliveries of one hop are handled one after the other.
 */
public record LockedSession(@Nested("c") ChannelSessionRow channel, @Nested("s") SurveySessionRow session) {}
