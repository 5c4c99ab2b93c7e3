package org.kila.gateway.session;

import org.kila.gateway.channel.UssdReply;

/** The reply to one hop and how it went, for the metrics: ok, retry, unknown_code, bad_phone. */
public record HopOutcome(UssdReply reply, String outcome) {}
