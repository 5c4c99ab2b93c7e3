package org.kila.gateway.channel;

/**
 * One USSD request from any aggregator, normalised at the edge; the session layer decides what it
 * means for a survey.
 *
 * @param aggregator the adapter's name, e.g. {@code africastalking}
 * @param externalSessionId the aggregator's session id; one aggregator session is one survey session
 * @param serviceCode the dialled code in the {@code *384*12#} form, which picks the survey
 * @param phone the respondent's number exactly as the aggregator sent it (normalising is not an
 *     adapter's job: the session layer uses its configured default region)
 * @param network the mobile network as the aggregator names it, or null when not sent
 * @param kind where this hop sits in its session
 * @param text what the respondent typed, read according to {@code mode}; empty on START
 * @param mode whether {@code text} is cumulative or the newest input only
 * @param hopKey what makes a retry of this same hop recognisable within the session
 */
public record UssdHop(
    String aggregator,
    String externalSessionId,
    String serviceCode,
    String phone,
    String network,
    HopKind kind,
    String text,
    InputMode mode,
    String hopKey) {}
