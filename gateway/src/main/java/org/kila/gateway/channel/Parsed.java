package org.kila.gateway.channel;

import java.util.function.Function;

/**
 * The outcome of reading a webhook: the neutral value, or the HTTP status and plain reason to send
 * back (a malformed webhook gets a 4xx with a reason, never an exception).
 */
public sealed interface Parsed<T> {

  /** The request was understood. */
  record Accepted<T>(T value) implements Parsed<T> {}

  /** The request was refused, with the status and reason to answer it with. */
  record Rejected<T>(int status, String reason) implements Parsed<T> {}

  static <T> Parsed<T> accepted(T value) {
    return new Accepted<>(value);
  }

  static <T> Parsed<T> rejected(int status, String reason) {
    return new Rejected<>(status, reason);
  }

  /** Continues with {@code next} when accepted; carries a rejection through unchanged. */
  default <U> Parsed<U> then(Function<? super T, Parsed<U>> next) {
    if (this instanceof Accepted<T> accepted) {
      return next.apply(accepted.value());
    }
    Rejected<T> rejected = (Rejected<T>) this;
    return new Rejected<>(rejected.status(), rejected.reason());
  }
}
