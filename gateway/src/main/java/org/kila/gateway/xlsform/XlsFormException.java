package org.kila.gateway.xlsform;

/**
 * An upload that cannot be imported at all, with a message for the person who uploaded it. {@link Kind}
 * tells a file that is not an .xlsx spreadsheet (the API answers 415) from a spreadsheet that is not an
 * XLSForm (422). Anything short of that is imported and reported row by row instead.
 */
public final class XlsFormException extends Exception {

  /** Why the upload was refused. */
  public enum Kind {
    /** Not an .xlsx file: empty, an old binary .xls, or something else altogether. */
    NOT_XLSX,
    /** An .xlsx file without the survey sheet or columns an XLSForm needs. */
    NOT_AN_XLSFORM
  }

  private final Kind kind;

  public XlsFormException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
