package org.kila.gateway.xlsform;

/**
 * A spreadsheet row, or part of one, that the import could not carry over: the sheet, the row number as
 * the spreadsheet shows it (the header is row 1), and what was left out and why.
 */
public record Skipped(String sheet, int row, String reason) {}
