package org.kila.survey.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kila.survey.render.ScreenRenderer.Pages;
import org.kila.survey.render.ScreenRenderer.Prompt;

class ScreenRendererTest {
  private final ScreenRenderer renderer = new ScreenRenderer();
  private final ChannelProfile ussd = ChannelProfile.ussdDefault();

  private static Prompt prompt(String text, List<String> options, boolean canGoBack) {
    return new Prompt(null, text, options, "98 More", "0 Back", canGoBack);
  }

  private static List<String> numbered(String... labels) {
    return IntStream.range(0, labels.length).mapToObj(i -> (i + 1) + ". " + labels[i]).toList();
  }

  private void assertEveryPageFits(Pages pages, ChannelProfile channel) {
    for (String page : pages.pages()) {
      assertTrue(ScreenRenderer.fits(page, channel), () -> "over budget (" + Gsm7.screenLength(page) + "): " + page);
    }
  }

  @Test
  void aShortQuestionIsOnePageWithoutNavigation() {
    Pages pages = renderer.layout(prompt("Your gender?", numbered("Female", "Male"), false), ussd);
    assertEquals(List.of("Your gender?\n1. Female\n2. Male"), pages.pages());
    assertArrayEquals(new int[] {0, 0}, pages.pageOfOption());
  }

  @Test
  void backIsShownOnTheFirstPageOnlyWhenThereIsAPreviousQuestion() {
    Pages pages = renderer.layout(prompt("Your gender?", numbered("Female", "Male"), true), ussd);
    assertEquals(List.of("Your gender?\n1. Female\n2. Male\n0 Back"), pages.pages());
  }

  @Test
  void aNullBackLineIsNeverShown() {
    Prompt prompt = new Prompt(null, "How many children live with you?", List.of(), "98 More", null, true);
    assertEquals(List.of("How many children live with you?"), renderer.layout(prompt, ussd).pages());
  }

  @Test
  void twelveCountiesSplitAcrossPagesWithNumberingContinued() {
    List<String> options = numbered("Mombasa", "Kwale", "Kilifi", "Tana River", "Lamu", "Taita-Taveta",
        "Garissa", "Wajir", "Mandera", "Marsabit", "Isiolo", "Meru");
    String question = "Which county do you live in? Choose the county where you spent most nights last month.";
    Pages pages = renderer.layout(prompt(question, options, false), ussd);

    assertTrue(pages.pages().size() >= 2, "twelve counties do not fit on one 160-character screen");
    assertEveryPageFits(pages, ussd);
    List<String> seen = new ArrayList<>();
    for (int p = 0; p < pages.pages().size(); p++) {
      List<String> lines = Arrays.asList(pages.pages().get(p).split("\n"));
      boolean last = p == pages.pages().size() - 1;
      assertEquals(question, lines.get(0), "the question is on every page");
      assertEquals(!last, lines.contains("98 More"), "More only when a later page follows, page " + p);
      assertEquals(p > 0, lines.contains("0 Back"), "Back only from the second page on, page " + p);
      lines.stream().filter(l -> l.matches("\\d+\\. .*")).forEach(seen::add);
    }
    assertEquals(options, seen, "each county once, in order, numbered 1 to 12 across pages");
    assertEquals(0, pages.pageOfOption()[0]);
    assertEquals(pages.pages().size() - 1, pages.pageOfOption()[11]);
    for (int i = 0; i < options.size(); i++) {
      assertTrue(pages.pages().get(pages.pageOfOption()[i]).contains(options.get(i)));
    }
  }

  @Test
  void pagesAreFilledGreedily() {
    // 6 + 8 x 18 = 150 characters of options plus the question: the first page must take as many as fit.
    List<String> options = IntStream.rangeClosed(1, 16).mapToObj(i -> String.format("%d. Option %02d", i, i)).toList();
    Pages pages = renderer.layout(prompt("Pick", options, false), ussd);
    String first = pages.pages().get(0);
    String withOneMore = first.replace("\n98 More", "\n" + options.get(first.split("\n").length - 2) + "\n98 More");
    assertTrue(ScreenRenderer.fits(first, ussd));
    assertFalse(ScreenRenderer.fits(withOneMore, ussd), "one more option would not have fitted:\n" + withOneMore);
  }

  @Test
  void theLastPageMayUseTheRoomTheMoreLineWouldHaveTaken() {
    // Exactly 160 characters with both options and no More line: one page, not two.
    String question = "q".repeat(160 - "\n1. A\n2. B".length());
    Pages pages = renderer.layout(prompt(question, numbered("A", "B"), false), ussd);
    assertEquals(1, pages.pages().size());
    assertEquals(160, pages.pages().get(0).length());
  }

  @Test
  void nepaliGetsTheSmallerUcs2Budget() {
    String question = "तपाईंको लिङ्ग के हो? कृपया एउटा छान्नुहोस्।";
    List<String> options = numbered("महिला", "पुरुष", "अन्य", "भन्न चाहन्न");
    String onePage = question + "\n" + String.join("\n", options);
    assertTrue(onePage.length() > 70 && onePage.length() < 160, "would fit a GSM-7 screen: " + onePage.length());

    Pages pages = renderer.layout(prompt(question, options, false), ussd);
    assertTrue(pages.pages().size() > 1, "a UCS-2 screen is held to 70 characters");
    assertEveryPageFits(pages, ussd);
    pages.pages().forEach(p -> assertTrue(p.length() <= 70, p));
  }

  @Test
  void bengaliTextWithoutChoicesIsSplitAtWordsWithinTheUcs2Budget() {
    String text = "আপনার এলাকার স্বাস্থ্যকেন্দ্রে গত মাসে আপনি কতবার গিয়েছিলেন? শুধু সংখ্যা লিখুন, যেমন ৩।"
        + " যদি না গিয়ে থাকেন তবে শূন্য লিখুন।";
    assertTrue(text.length() > 70 && text.length() < 160);
    Pages pages = renderer.layout(prompt(text, List.of(), false), ussd);
    assertTrue(pages.pages().size() > 1, "70 UTF-16 units for Bengali, not 160");
    assertEveryPageFits(pages, ussd);
    assertEquals(Arrays.asList(text.split(" ")), wordsOf(pages));
  }

  @Test
  void aSingleEuroSignCountsTwoSeptets() {
    String base = "word ".repeat(32).substring(0, 159);
    Pages withA = renderer.layout(prompt(base + "a", List.of(), false), ussd);
    assertEquals(List.of(base + "a"), withA.pages(), "exactly 160 plain characters fit");
    Pages withEuro = renderer.layout(prompt(base + "€", List.of(), false), ussd);
    assertEquals(2, withEuro.pages().size(), "the euro sign makes it 161 septets");
    assertEveryPageFits(withEuro, ussd);
  }

  @Test
  void theHintIsOnTheFirstPageOnly() {
    List<String> options = IntStream.rangeClosed(1, 20).mapToObj(i -> i + ". Choice " + i).toList();
    Prompt prompt = new Prompt("Invalid answer, try again.", "Pick one", options, "98 More", "0 Back", false);
    Pages pages = renderer.layout(prompt, ussd);
    assertTrue(pages.pages().get(0).startsWith("Invalid answer, try again.\nPick one\n1. Choice 1"));
    pages.pages().stream().skip(1).forEach(p -> assertTrue(p.startsWith("Pick one\n"), p));
    assertEveryPageFits(pages, ussd);
  }

  @Test
  void aHintThatWouldPushTheFirstPageOverTheBudgetIsLeftOut() {
    String question = "Do you have difficulty seeing, hearing, walking, remembering, washing or dressing, "
        + "or communicating?";
    List<String> options = List.of("1. No difficulty", "2. Some difficulty", "3. A lot of difficulty");
    Prompt prompt = new Prompt("Welcome back! Let's continue where you left off.", question, options, "98 More",
        "0 Back", true);
    Pages pages = renderer.layout(prompt, ussd);
    assertEveryPageFits(pages, ussd);
    assertTrue(pages.pages().get(0).startsWith(question + "\n1. No difficulty"), pages.pages().get(0));
  }

  @Test
  void longTextWithoutChoicesGetsMoreAndBackLines() {
    String text = ("Thank you for helping us improve the water point in your village. "
        + "Your answers are private and will only be counted together with others. ").repeat(3).trim();
    Pages pages = renderer.layout(prompt(text, List.of(), true), ussd);
    assertTrue(pages.pages().size() >= 3);
    assertEveryPageFits(pages, ussd);
    for (int p = 0; p < pages.pages().size(); p++) {
      String page = pages.pages().get(p);
      assertEquals(p < pages.pages().size() - 1, page.contains("\n98 More"));
      assertTrue(page.endsWith("\n0 Back"), "a previous question exists, so every page offers Back");
    }
    assertEquals(Arrays.asList(text.split(" ")), wordsOf(pages), "no word lost, none split");
  }

  @Test
  void oneOptionPerPageWhenEvenOneDoesNotFitBesideTheText() {
    String question = "Q".repeat(158);
    Pages pages = renderer.layout(prompt(question, numbered("Yes", "No"), false), ussd);
    assertEquals(List.of(question + "\n1. Yes\n98 More", question + "\n2. No\n0 Back"), pages.pages());
    assertArrayEquals(new int[] {0, 1}, pages.pageOfOption());
  }

  @Test
  void aWordLongerThanAScreenIsCutRatherThanDropped() {
    String text = "Visit " + "x".repeat(300) + " today";
    Pages pages = renderer.layout(prompt(text, List.of(), false), ussd);
    assertEveryPageFits(pages, ussd);
    String rejoined = String.join("", pages.pages().stream()
        .map(p -> p.replace("\n98 More", "").replace("\n0 Back", "").replace("\n", "")).toList());
    assertEquals(text.replace(" ", ""), rejoined.replace(" ", ""));
  }

  /** The words of the text across all pages, navigation lines taken off. */
  private static List<String> wordsOf(Pages pages) {
    List<String> words = new ArrayList<>();
    for (String page : pages.pages()) {
      for (String line : page.split("\n")) {
        if (!line.equals("98 More") && !line.equals("0 Back")) {
          words.addAll(Arrays.asList(line.split(" ")));
        }
      }
    }
    return words;
  }
}
