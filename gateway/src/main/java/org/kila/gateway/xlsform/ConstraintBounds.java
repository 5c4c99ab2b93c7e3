package org.kila.gateway.xlsform;

import java.util.function.Predicate;

/**
 * Reads the bounds out of a simple {@code constraint}: comparisons of the answer with whole numbers joined
 * by {@code and}, such as {@code . >= 10 and . <= 35} for an integer or {@code string-length(.) <= 100}
 * for a text. {@code or}, {@code !=}, other questions and functions are refused with a reason.
 */
final class ConstraintBounds {
  private ConstraintBounds() {}

  /** The bounds found; either may be null when the constraint does not set it. */
  record Bounds(Long min, Long max) {
    static final Bounds NONE = new Bounds(null, null);

    Bounds and(Bounds other) {
      Long lo = min == null ? other.min : other.min == null ? min : Long.valueOf(Math.max(min, other.min));
      Long hi = max == null ? other.max : other.max == null ? max : Long.valueOf(Math.min(max, other.max));
      return new Bounds(lo, hi);
    }
  }

  /** Bounds on an integer answer, {@code .}. */
  static Bounds ofNumber(Expression e) throws NotConvertible {
    return bounds(e, x -> x instanceof Expression.Current, ".");
  }

  /** Bounds on the length of a text answer, {@code string-length(.)}. */
  static Bounds ofLength(Expression e) throws NotConvertible {
    return bounds(e, ConstraintBounds::isLengthOfCurrent, "string-length(.)");
  }

  private static boolean isLengthOfCurrent(Expression e) {
    return e instanceof Expression.Call call && call.function().equals("string-length")
        && call.arguments().size() == 1 && call.arguments().get(0) instanceof Expression.Current;
  }

  private static Bounds bounds(Expression e, Predicate<Expression> subject, String name) throws NotConvertible {
    if (e instanceof Expression.And and) {
      Bounds b = Bounds.NONE;
      for (Expression part : and.parts()) {
        b = b.and(bounds(part, subject, name));
      }
      return b;
    }
    if (!(e instanceof Expression.Comparison c)) {
      throw new NotConvertible("only comparisons of " + name + " with whole numbers, joined by \"and\", are converted");
    }
    Expression.Operator op = c.op();
    Expression value = c.right();
    if (!subject.test(c.left())) {
      if (!subject.test(c.right())) {
        throw new NotConvertible("only comparisons of " + name + " with whole numbers are converted");
      }
      op = op.swapped();
      value = c.left();
    }
    long n = wholeNumber(value, name);
    return switch (op) {
      case EQ -> new Bounds(n, n);
      case GE -> new Bounds(n, null);
      case GT -> new Bounds(n + 1, null);
      case LE -> new Bounds(null, n);
      case LT -> new Bounds(null, n - 1);
      case NE -> throw new NotConvertible("\"!=\" leaves a gap in the range, which Kila cannot express");
    };
  }

  private static long wholeNumber(Expression e, String name) throws NotConvertible {
    if (e instanceof Expression.Number n) {
      try {
        return n.value().longValueExact();
      } catch (ArithmeticException notWhole) {
        // reported below
      }
    }
    throw new NotConvertible(name + " is compared with something other than a whole number");
  }
}
