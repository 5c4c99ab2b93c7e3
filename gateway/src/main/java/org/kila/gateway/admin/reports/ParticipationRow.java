package org.kila.gateway.admin.reports;

/**
 * A row of {@code sql/report_participation.sql}: sessions with one status, in one channel, day or stratum
 * (which one the three flags tell). Raw counts, never published as they are.
 *
 * @param day a UTC date, yyyy-mm-dd
 */
public record ParticipationRow(boolean byChannel, boolean byDay, boolean byStratum, String channel, String day,
    String stratum1, String stratum2, String stratum3, String status, int sessions) {}
