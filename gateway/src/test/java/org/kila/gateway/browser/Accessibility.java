package org.kila.gateway.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** Checks a page against the WCAG 2 A and AA rules that axe-core can test (labels, landmarks, contrast ...). */
public final class Accessibility {
  private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Accessibility() {}

  /** Fails with every violation, its rule and the elements it was found on. */
  public static void assertNoViolations(Page page, String where) {
    List<Rule> violations = new AxeBuilder(page).withTags(WCAG_AA).analyze().getViolations();
    if (!violations.isEmpty()) {
      fail(where + " has accessibility problems:\n" + violations.stream()
          .map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
              .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
          .collect(Collectors.joining("\n")));
    }
  }
}
