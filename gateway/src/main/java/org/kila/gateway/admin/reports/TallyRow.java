package org.kila.gateway.admin.reports;

/**
 * A row of {@code sql/report_tally.sql}: how many sessions in one stratum gave one answer. Raw counts,
 * never published as they are.
 *
 * @param stratum1 the value of the first stratifier, null when not known or not asked for (same for 2, 3)
 * @param chosen sessions that gave this answer (for multiple choice: chose this value)
 * @param respondents sessions counted once each, on their first chosen value (multiple choice)
 */
public record TallyRow(String answer, String stratum1, String stratum2, String stratum3, int chosen, int respondents) {}
