package org.kila.gateway.channel;

/**
 * One text message a respondent sent, from any SMS provider, normalised at the edge; the session layer
 * decides whether it starts a survey, answers a question or is a keyword.
 *
 * @param provider the adapter's name, e.g. {@code twilio}
 * @param providerMessageId the provider's id of this message: a second delivery of the same id is the
 *     same message, recorded and answered once
 * @param from the respondent's number exactly as the provider sent it (the session layer normalises it)
 * @param to our number or short code the message was sent to
 * @param body the text as typed, possibly empty (a picture message, or a blank text)
 * @param optOutType the provider's own reading of the message as an opt-out keyword, or null when it
 *     sent none (Twilio's {@code OptOutType}); it wins over our own keyword matching
 */
public record SmsInbound(
    String provider,
    String providerMessageId,
    String from,
    String to,
    String body,
    OptOutType optOutType) {}
