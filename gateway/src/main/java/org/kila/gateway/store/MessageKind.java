package org.kila.gateway.store;

/** Why a text is sent, as stored in {@code sms_outbox.kind} (lower case). */
public enum MessageKind {
  /** The next screen of a survey, in reply to the respondent's message. */
  PROMPT,
  /** An invitation to take a survey, from a list an NGO uploaded. */
  INVITATION,
  /** A reminder to someone invited who has not started or not finished. */
  REMINDER,
  /** After a dropped USSD session: how to dial back and finish. */
  NUDGE,
  /** The short help text (HELP, an unknown keyword). */
  HELP,
  /** The one confirmation of STOP or START; the only text an opted-out number may get. */
  OPTOUT_ACK
}
