package org.kila.gateway.admin.reports;

/** A row of {@code sql/report_dropped.sql}: sessions that stopped at a question (null: before the first). Raw. */
public record DroppedRow(String questionId, int sessions) {}
