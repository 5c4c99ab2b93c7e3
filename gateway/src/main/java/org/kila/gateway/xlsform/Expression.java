package org.kila.gateway.xlsform;

import java.math.BigDecimal;
import java.util.List;

/**
 * The parsed form of the small part of XPath that XLSForm's {@code relevant} and {@code constraint}
 * columns use and Kila can express: {@code and}/{@code or}, comparisons, function calls such as
 * {@code selected(...)} and {@code not(...)}, references {@code ${name}}, the current answer {@code .},
 * and string and number literals. Whether an expression means something Kila can do is decided later,
 * by {@link RelevantTranslator} and {@link ConstraintBounds}.
 */
sealed interface Expression {

  /** At least one part holds. */
  record Or(List<Expression> parts) implements Expression {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** Every part holds. */
  record And(List<Expression> parts) implements Expression {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** {@code left op right}. */
  record Comparison(Operator op, Expression left, Expression right) implements Expression {}

  /** {@code function(arguments...)}, e.g. {@code selected(${q}, 'a')}, {@code not(...)}, {@code string-length(.)}. */
  record Call(String function, List<Expression> arguments) implements Expression {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code ${name}}: the answer to another row of the form. */
  record Reference(String name) implements Expression {}

  /** {@code .}: the answer to the row itself, as constraints use it. */
  record Current() implements Expression {}

  /** A quoted string literal. */
  record Text(String value) implements Expression {}

  /** A number literal. */
  record Number(BigDecimal value) implements Expression {}

  /** The comparison operators of XPath. */
  enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    String symbol() {
      return symbol;
    }

    /** The operator that says the same with its sides swapped: {@code 18 <= x} is {@code x >= 18}. */
    Operator swapped() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }

    static Operator of(String symbol) {
      for (Operator op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException(symbol);
    }
  }
}
