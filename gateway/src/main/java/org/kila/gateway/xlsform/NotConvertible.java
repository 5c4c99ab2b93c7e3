package org.kila.gateway.xlsform;

/** An expression, or part of one, that Kila cannot express; the message says why, for the import report. */
final class NotConvertible extends Exception {
  NotConvertible(String message) {
    super(message);
  }
}
