package org.kila.gateway.admin.reports;

/** A row of {@code sql/report_session_events.sql}: data-quality events of one kind ({@code session_event.kind}). */
public record EventCountRow(String kind, long events) {}
