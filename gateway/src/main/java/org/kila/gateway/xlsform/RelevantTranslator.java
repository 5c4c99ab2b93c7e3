package org.kila.gateway.xlsform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.kila.survey.model.Condition;
import org.kila.survey.model.QuestionType;

/**
 * Turns a parsed {@code relevant} expression into Kila skip logic. Converted: {@code ${q} = 'a'},
 * {@code ${q} != 'a'}, {@code selected(${q}, 'a')}, {@code ${q} = ''} / {@code != ''} (answered or
 * not), whole-number comparisons {@code = != < <= > >=} on number questions, and {@code and}, {@code or},
 * {@code not(...)} over them. References must be to questions imported before this one. Everything else
 * is refused with a reason, never approximated.
 */
final class RelevantTranslator {
  private final Map<String, ImportedQuestion> questions;
  private final Map<String, String> notImported;

  /** {@code questions}: imported so far, by XLSForm name; {@code notImported}: other names, with what they were. */
  RelevantTranslator(Map<String, ImportedQuestion> questions, Map<String, String> notImported) {
    this.questions = questions;
    this.notImported = notImported;
  }

  Condition translate(Expression e) throws NotConvertible {
    return simplify(condition(e));
  }

  private Condition condition(Expression e) throws NotConvertible {
    if (e instanceof Expression.Or or) {
      return new Condition.Any(conditions(or.parts()));
    }
    if (e instanceof Expression.And and) {
      return new Condition.All(conditions(and.parts()));
    }
    if (e instanceof Expression.Comparison c) {
      return comparison(c);
    }
    if (e instanceof Expression.Call call) {
      if (call.function().equals("not") && call.arguments().size() == 1) {
        return new Condition.Not(condition(call.arguments().get(0)));
      }
      if (call.function().equals("selected") && call.arguments().size() == 2) {
        return selected(call.arguments().get(0), call.arguments().get(1));
      }
      throw new NotConvertible(call.function() + "() is not supported");
    }
    if (e instanceof Expression.Reference r) {
      throw new NotConvertible("${" + r.name() + "} on its own is not a test: compare it with a value");
    }
    throw new NotConvertible("a value on its own is not a test");
  }

  private List<Condition> conditions(List<Expression> parts) throws NotConvertible {
    List<Condition> conditions = new ArrayList<>();
    for (Expression part : parts) {
      conditions.add(condition(part));
    }
    return conditions;
  }

  private Condition selected(Expression ref, Expression literal) throws NotConvertible {
    if (!(ref instanceof Expression.Reference r)) {
      throw new NotConvertible("selected() needs a ${name} as its first argument");
    }
    ImportedQuestion q = question(r.name());
    String value = literalText(literal)
        .orElseThrow(() -> new NotConvertible("selected() needs a quoted choice name as its second argument"));
    if (q.type() == QuestionType.NUMBER || q.type() == QuestionType.TEXT) {
      throw new NotConvertible("selected() on ${" + q.name() + "}, which is not a choice question");
    }
    return new Condition.AnyOf(q.id(), List.of(q.value(value)));
  }

  private Condition comparison(Expression.Comparison c) throws NotConvertible {
    Expression left = c.left();
    Expression right = c.right();
    Expression.Operator op = c.op();
    if (!(left instanceof Expression.Reference) && right instanceof Expression.Reference) {
      left = c.right();
      right = c.left();
      op = op.swapped();
    }
    if (left instanceof Expression.Call call) {
      throw new NotConvertible(call.function() + "() is not supported");
    }
    if (!(left instanceof Expression.Reference ref)) {
      throw new NotConvertible("only an answer ${name} compared with a value is supported");
    }
    if (right instanceof Expression.Reference other) {
      throw new NotConvertible("compares two answers, ${" + ref.name() + "} and ${" + other.name() + "}");
    }
    ImportedQuestion q = question(ref.name());
    String literal = literalText(right)
        .orElseThrow(() -> new NotConvertible("${" + ref.name() + "} is compared with something that is not a value"));
    if (literal.isEmpty() && (op == Expression.Operator.EQ || op == Expression.Operator.NE)) {
      Condition answered = answered(q);
      return op == Expression.Operator.NE ? answered : new Condition.Not(answered);
    }
    return switch (q.type()) {
      case SINGLE_CHOICE, YES_NO -> {
        if (op != Expression.Operator.EQ && op != Expression.Operator.NE) {
          throw new NotConvertible("${" + q.name() + "} is a choice question: " + op.symbol() + " compares numbers");
        }
        Condition anyOf = new Condition.AnyOf(q.id(), List.of(q.value(literal)));
        yield op == Expression.Operator.EQ ? anyOf : new Condition.Not(anyOf);
      }
      case MULTIPLE_CHOICE -> throw new NotConvertible("${" + q.name() + "} is a select_multiple: test one of its answers"
          + " with selected(${" + q.name() + "}, '" + literal + "')");
      case NUMBER -> range(q, op, wholeNumber(literal, q));
      case TEXT -> throw new NotConvertible("${" + q.name() + "} is a text question: Kila conditions cannot test free text");
    };
  }

  private static Condition range(ImportedQuestion q, Expression.Operator op, long n) {
    return switch (op) {
      case EQ -> new Condition.InRange(q.id(), n, n);
      case NE -> new Condition.Not(new Condition.InRange(q.id(), n, n));
      case GE -> new Condition.InRange(q.id(), n, null);
      case GT -> new Condition.InRange(q.id(), n + 1, null);
      case LE -> new Condition.InRange(q.id(), null, n);
      case LT -> new Condition.InRange(q.id(), null, n - 1);
    };
  }

  /** "Has an answer": any of its values, or any number in its range. A hidden question has none. */
  private static Condition answered(ImportedQuestion q) throws NotConvertible {
    return switch (q.type()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> new Condition.AnyOf(q.id(), q.allValues());
      case NUMBER -> new Condition.InRange(q.id(), q.min(), q.max());
      case TEXT -> throw new NotConvertible("${" + q.name() + "} is a text question: Kila conditions cannot test free text");
    };
  }

  private static long wholeNumber(String literal, ImportedQuestion q) throws NotConvertible {
    try {
      return new BigDecimal(literal).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new NotConvertible("${" + q.name() + "} is a whole number, compared with \"" + literal + "\"");
    }
  }

  private static Optional<String> literalText(Expression e) {
    if (e instanceof Expression.Text t) {
      return Optional.of(t.value());
    }
    if (e instanceof Expression.Number n) {
      return Optional.of(n.value().stripTrailingZeros().toPlainString());
    }
    return Optional.empty();
  }

  private ImportedQuestion question(String name) throws NotConvertible {
    ImportedQuestion q = questions.get(name);
    if (q != null) {
      return q;
    }
    String what = notImported.get(name);
    throw new NotConvertible(what != null
        ? "${" + name + "} was not imported (" + what + ")"
        : "${" + name + "} is not a question asked before this one");
  }

  /**
   * Flattens nested and/or, merges ranges on one question within an "all" and values of one question
   * within an "any" ({@code ${a} >= 18 and ${a} <= 24} is one range), and drops double negation.
   */
  static Condition simplify(Condition c) {
    if (c instanceof Condition.Not not) {
      Condition inner = simplify(not.condition());
      return inner instanceof Condition.Not twice ? twice.condition() : new Condition.Not(inner);
    }
    if (c instanceof Condition.All all) {
      List<Condition> parts = merge(flatten(all.conditions(), Condition.All.class), Condition.InRange.class,
          Condition.InRange::question, RelevantTranslator::intersect);
      return parts.size() == 1 ? parts.get(0) : new Condition.All(parts);
    }
    if (c instanceof Condition.Any any) {
      List<Condition> parts = merge(flatten(any.conditions(), Condition.Any.class), Condition.AnyOf.class,
          Condition.AnyOf::question, RelevantTranslator::union);
      return parts.size() == 1 ? parts.get(0) : new Condition.Any(parts);
    }
    return c;
  }

  /** Combines the parts of kind {@code T} that test the same question into one, where the first stood. */
  private static <T extends Condition> List<Condition> merge(List<Condition> parts, Class<T> kind,
      Function<T, String> question, BinaryOperator<T> combine) {
    List<Condition> merged = new ArrayList<>();
    Map<String, Integer> at = new HashMap<>();
    for (Condition part : parts) {
      if (!kind.isInstance(part)) {
        merged.add(part);
        continue;
      }
      T t = kind.cast(part);
      Integer i = at.putIfAbsent(question.apply(t), merged.size());
      if (i == null) {
        merged.add(t);
      } else {
        merged.set(i, combine.apply(kind.cast(merged.get(i)), t));
      }
    }
    return merged;
  }

  private static List<Condition> flatten(List<Condition> parts, Class<? extends Condition> kind) {
    List<Condition> flat = new ArrayList<>();
    for (Condition part : parts) {
      Condition s = simplify(part);
      if (kind.isInstance(s)) {
        flat.addAll(s instanceof Condition.All a ? a.conditions() : ((Condition.Any) s).conditions());
      } else {
        flat.add(s);
      }
    }
    return flat;
  }

  private static Condition.InRange intersect(Condition.InRange a, Condition.InRange b) {
    Long min = a.min() == null ? b.min() : b.min() == null ? a.min() : Long.valueOf(Math.max(a.min(), b.min()));
    Long max = a.max() == null ? b.max() : b.max() == null ? a.max() : Long.valueOf(Math.min(a.max(), b.max()));
    return new Condition.InRange(a.question(), min, max);
  }

  private static Condition.AnyOf union(Condition.AnyOf a, Condition.AnyOf b) {
    List<String> values = new ArrayList<>(a.values());
    b.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
    return new Condition.AnyOf(a.question(), values);
  }
}
