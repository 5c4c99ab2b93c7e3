package org.kila.gateway.xlsform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the XPath subset of {@link Expression}. The grammar, loosest first:
 * <pre>
 *   or         := and ("or" and)*
 *   and        := comparison ("and" comparison)*
 *   comparison := operand (("=" | "!=" | "<" | "<=" | ">" | ">=") operand)?
 *   operand    := "(" or ")" | name "(" (or ("," or)*)? ")" | "${" name "}" | "." | string | number
 * </pre>
 * Anything outside it (arithmetic, paths, "..", unbalanced brackets) is refused with a short reason
 * rather than guessed at, so the import can report the row. XPath itself: https://www.w3.org/TR/1999/REC-xpath-19991116/
 */
final class ExpressionParser {

  private enum Kind { REFERENCE, CURRENT, TEXT, NUMBER, OPERATOR, OPEN, CLOSE, COMMA, NAME, END }

  private record Token(Kind kind, String text, int position) {
    boolean isName(String name) {
      return kind == Kind.NAME && text.equals(name);
    }
  }

  private final List<Token> tokens;
  private int next;

  private ExpressionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Expression parse(String text) throws NotConvertible {
    ExpressionParser parser = new ExpressionParser(tokens(text));
    Expression e = parser.or();
    Token end = parser.peek();
    if (end.kind() != Kind.END) {
      throw new NotConvertible(unexpected(end));
    }
    return e;
  }

  private Expression or() throws NotConvertible {
    List<Expression> parts = new ArrayList<>(List.of(and()));
    while (peek().isName("or")) {
      next++;
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Expression.Or(parts);
  }

  private Expression and() throws NotConvertible {
    List<Expression> parts = new ArrayList<>(List.of(comparison()));
    while (peek().isName("and")) {
      next++;
      parts.add(comparison());
    }
    return parts.size() == 1 ? parts.get(0) : new Expression.And(parts);
  }

  private Expression comparison() throws NotConvertible {
    Expression left = operand();
    if (peek().kind() != Kind.OPERATOR) {
      return left;
    }
    Expression.Operator op = Expression.Operator.of(take().text());
    Expression right = operand();
    if (peek().kind() == Kind.OPERATOR) {
      throw new NotConvertible("chained comparison at character " + (peek().position() + 1));
    }
    return new Expression.Comparison(op, left, right);
  }

  private Expression operand() throws NotConvertible {
    Token t = take();
    switch (t.kind()) {
      case OPEN -> {
        Expression inner = or();
        expect(Kind.CLOSE, ")");
        return inner;
      }
      case NAME -> {
        if (peek().kind() != Kind.OPEN) {
          throw new NotConvertible(t.text().equals("and") || t.text().equals("or")
              ? "\"" + t.text() + "\" at character " + (t.position() + 1) + " has nothing before it"
              : "\"" + t.text() + "\" at character " + (t.position() + 1) + " is not a ${name} reference or a function call");
        }
        next++;
        return new Expression.Call(t.text(), arguments());
      }
      case REFERENCE -> {
        return new Expression.Reference(t.text());
      }
      case CURRENT -> {
        return new Expression.Current();
      }
      case TEXT -> {
        return new Expression.Text(t.text());
      }
      case NUMBER -> {
        return new Expression.Number(new BigDecimal(t.text()));
      }
      default -> throw new NotConvertible(unexpected(t));
    }
  }

  private List<Expression> arguments() throws NotConvertible {
    List<Expression> arguments = new ArrayList<>();
    if (peek().kind() == Kind.CLOSE) {
      next++;
      return arguments;
    }
    arguments.add(or());
    while (peek().kind() == Kind.COMMA) {
      next++;
      arguments.add(or());
    }
    expect(Kind.CLOSE, ")");
    return arguments;
  }

  private void expect(Kind kind, String what) throws NotConvertible {
    Token t = take();
    if (t.kind() != kind) {
      throw new NotConvertible("expected \"" + what + "\" but found " + describe(t));
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Kind.END) {
      next++;
    }
    return t;
  }

  private static String unexpected(Token t) {
    return t.kind() == Kind.END ? "it ends too early" : "unexpected " + describe(t);
  }

  private static String describe(Token t) {
    return t.kind() == Kind.END ? "the end" : "\"" + t.text() + "\" at character " + (t.position() + 1);
  }

  private static List<Token> tokens(String s) throws NotConvertible {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("${", i)) {
        int close = s.indexOf('}', i);
        if (close < 0) {
          throw new NotConvertible("${ at character " + (i + 1) + " is not closed with }");
        }
        tokens.add(new Token(Kind.REFERENCE, s.substring(i + 2, close).strip(), start));
        i = close + 1;
      } else if (c == '\'' || c == '"') {
        int close = s.indexOf(c, i + 1);
        if (close < 0) {
          throw new NotConvertible("the quote at character " + (i + 1) + " is not closed");
        }
        tokens.add(new Token(Kind.TEXT, s.substring(i + 1, close), start));
        i = close + 1;
      } else if (Character.isDigit(c) || (c == '.' && digitAt(s, i + 1))
          || (c == '-' && digitAt(s, i + 1) && !followsValue(tokens))) {
        i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        String number = s.substring(start, i);
        if (number.indexOf('.') != number.lastIndexOf('.')) {
          throw new NotConvertible("\"" + number + "\" at character " + (start + 1) + " is not a number");
        }
        tokens.add(new Token(Kind.NUMBER, number, start));
      } else if (s.startsWith("..", i)) {
        throw new NotConvertible("\"..\" (the parent group) is not supported");
      } else if (c == '.') {
        tokens.add(new Token(Kind.CURRENT, ".", start));
        i++;
      } else if (s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
        tokens.add(new Token(Kind.OPERATOR, s.substring(i, i + 2), start));
        i += 2;
      } else if (c == '=' || c == '<' || c == '>') {
        tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), start));
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), start));
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, s.substring(start, i), start));
      } else {
        throw new NotConvertible("\"" + c + "\" at character " + (i + 1) + " (arithmetic, paths and the like) is not supported");
      }
    }
    tokens.add(new Token(Kind.END, "", s.length()));
    return tokens;
  }

  private static boolean digitAt(String s, int i) {
    return i < s.length() && Character.isDigit(s.charAt(i));
  }

  /** After a value a "-" is subtraction, which we do not support; elsewhere it starts a negative number. */
  private static boolean followsValue(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    Kind last = tokens.get(tokens.size() - 1).kind();
    return last == Kind.REFERENCE || last == Kind.CURRENT || last == Kind.TEXT || last == Kind.NUMBER || last == Kind.CLOSE;
  }
}
