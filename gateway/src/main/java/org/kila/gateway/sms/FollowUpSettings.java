package org.kila.gateway.sms;

import java.time.Duration;

/**
 * What one survey's texts follow: its own "sms" settings where it has them, the gateway's options where it
 * has not (see {@link FollowUpDefaults#of}).
 *
 * @param quietHours when invitations, reminders and nudges wait
 * @param reminders how many reminders at most; 0: none
 * @param reminderDelay the wait before each reminder
 * @param nudge whether a dropped USSD session gets one SMS saying which code to dial to finish
 * @param finishBySms whether texting the keyword may continue a dropped USSD session by SMS
 */
public record FollowUpSettings(
    QuietHours quietHours, int reminders, Duration reminderDelay, boolean nudge, boolean finishBySms) {}
