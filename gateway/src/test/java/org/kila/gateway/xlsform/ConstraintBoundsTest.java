package org.kila.gateway.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The number range and text length that simple constraints give, and the constraints refused. */
class ConstraintBoundsTest {

  private static ConstraintBounds.Bounds number(String constraint) throws NotConvertible {
    return ConstraintBounds.ofNumber(ExpressionParser.parse(constraint));
  }

  private static ConstraintBounds.Bounds length(String constraint) throws NotConvertible {
    return ConstraintBounds.ofLength(ExpressionParser.parse(constraint));
  }

  @Test
  void integerRanges() throws NotConvertible {
    assertEquals(new ConstraintBounds.Bounds(10L, 35L), number(". >= 10 and . <= 35"));
    assertEquals(new ConstraintBounds.Bounds(0L, null), number(".>=0"));
    assertEquals(new ConstraintBounds.Bounds(1L, 99L), number(". > 0 and . < 100"));
    assertEquals(new ConstraintBounds.Bounds(-5L, 5L), number("(. >= -5) and (5 >= .)"));
    assertEquals(new ConstraintBounds.Bounds(3L, 3L), number(". = 3"));
    assertEquals(new ConstraintBounds.Bounds(12L, 20L), number(". >= 10 and . <= 20 and . >= 12"));
  }

  @Test
  void textLengths() throws NotConvertible {
    assertEquals(new ConstraintBounds.Bounds(null, 100L), length("string-length(.) <= 100"));
    assertEquals(new ConstraintBounds.Bounds(2L, 49L), length("string-length(.) >= 2 and string-length(.) < 50"));
  }

  @Test
  void refusals() {
    assertEquals("only comparisons of . with whole numbers, joined by \"and\", are converted",
        assertThrows(NotConvertible.class, () -> number(". < 5 or . > 10")).getMessage());
    assertEquals("\"!=\" leaves a gap in the range, which Kila cannot express",
        assertThrows(NotConvertible.class, () -> number(". != 0")).getMessage());
    assertEquals(". is compared with something other than a whole number",
        assertThrows(NotConvertible.class, () -> number(". <= ${age}")).getMessage());
    assertEquals(". is compared with something other than a whole number",
        assertThrows(NotConvertible.class, () -> number(". < 2.5")).getMessage());
    assertEquals("only comparisons of string-length(.) with whole numbers, joined by \"and\", are converted",
        assertThrows(NotConvertible.class, () -> length("regex(., '^[0-9]+$')")).getMessage());
  }
}
