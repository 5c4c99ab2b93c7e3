package org.kila.survey.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a prompt out as screens within a channel's budget, splitting a long choice list across pages.
 *
 * <p>Layout of one page, lines joined by "\n":
 * <pre>
 * [hint]            only after an invalid answer, on the first page
 * question text     on every page
 * 1. First choice   choices numbered from 1 across pages (page 2 may start at "5. ...")
 * 98 More           when a later page follows
 * 0 Back            when there is a previous page or a previous question
 * </pre>
 * The budget is {@link ChannelProfile#maxChars()} when the whole page is GSM-7, else
 * {@link ChannelProfile#maxUcs2Chars()}, measured by {@link Gsm7#screenLength}.
 *
 * <p>Choices fill each page greedily. Text is never dropped: when not even one choice fits beside the
 * question text, each page still carries one choice (over budget; the validator reports such screens).
 * A prompt without choices whose text is over budget is split at word boundaries (inside a word only
 * when one word alone is too long), the question text then appearing once across its pages.
 */
public final class ScreenRenderer {

  /**
   * One prompt before layout: an optional hint (null or blank: none), the text, the numbered option lines
   * (may be empty), and the navigation lines. {@code backLine} null means no Back line on any page (the
   * engine uses that when the Back key would also be a valid answer); {@code canGoBack} says whether there
   * is a previous question, so that the first page shows Back too.
   */
  public record Prompt(String hint, String text, List<String> options, String moreLine, String backLine, boolean canGoBack) {
    public Prompt {
      options = List.copyOf(options);
    }
  }

  /** The laid-out pages; option {@code i} (0-based) is on page {@code pageOfOption[i]}. */
  public record Pages(List<String> pages, int[] pageOfOption) {
    public Pages {
      pages = List.copyOf(pages);
    }
  }

  public Pages layout(Prompt prompt, ChannelProfile channel) {
    Pages pages = layoutAsGiven(prompt, channel);
    if (prompt.hint() != null && !fits(pages.pages().get(0), channel)) {
      // The hint is a courtesy line: the validator checks every screen without it, so when it would push
      // the first page over the budget the page goes without it rather than out of bounds.
      return layoutAsGiven(new Prompt(null, prompt.text(), prompt.options(), prompt.moreLine(), prompt.backLine(),
          prompt.canGoBack()), channel);
    }
    return pages;
  }

  private static Pages layoutAsGiven(Prompt prompt, ChannelProfile channel) {
    return prompt.options().isEmpty() ? layoutText(prompt, channel) : layoutOptions(prompt, channel);
  }

  /** True when {@code page} is within the budget that its own encoding gets. */
  public static boolean fits(String page, ChannelProfile channel) {
    int budget = Gsm7.isGsm7(page) ? channel.maxChars() : channel.maxUcs2Chars();
    return Gsm7.screenLength(page) <= budget;
  }

  private static Pages layoutOptions(Prompt prompt, ChannelProfile channel) {
    List<String> options = prompt.options();
    List<String> pages = new ArrayList<>();
    int[] pageOfOption = new int[options.size()];
    int start = 0;
    while (start < options.size()) {
      int pageIndex = pages.size();
      // Every end is tried, not only until the first miss: dropping the More line on the last page can
      // make a longer page fit where a shorter one with More did not.
      // A page is never shorter in its budget's units than in chars, so once the text and choices alone
      // are longer than the larger budget no later end can fit.
      int end = start + 1;
      int contentChars = prompt.text().length();
      for (int candidate = start + 1; candidate <= options.size(); candidate++) {
        contentChars += 1 + options.get(candidate - 1).length();
        if (contentChars > largestBudget(channel)) {
          break;
        }
        if (fits(optionPage(prompt, pageIndex, start, candidate), channel)) {
          end = candidate;
        }
      }
      pages.add(optionPage(prompt, pageIndex, start, end));
      for (int i = start; i < end; i++) {
        pageOfOption[i] = pageIndex;
      }
      start = end;
    }
    return new Pages(pages, pageOfOption);
  }

  private static String optionPage(Prompt prompt, int pageIndex, int start, int end) {
    List<String> lines = new ArrayList<>();
    addHint(lines, prompt, pageIndex);
    lines.add(prompt.text());
    lines.addAll(prompt.options().subList(start, end));
    addNavigation(lines, prompt, pageIndex, end < prompt.options().size());
    return String.join("\n", lines);
  }

  private static Pages layoutText(Prompt prompt, ChannelProfile channel) {
    String text = prompt.text();
    List<String> pages = new ArrayList<>();
    int start = skipSpace(text, 0);
    do {
      int pageIndex = pages.size();
      int end = start < text.length() ? lastFittingEnd(prompt, pageIndex, start, channel) : start;
      pages.add(textPage(prompt, pageIndex, start, end));
      start = skipSpace(text, end);
    } while (start < text.length());
    return new Pages(pages, new int[0]);
  }

  /** The furthest word end the page from {@code start} can reach; inside a word only if no word end fits. */
  private static int lastFittingEnd(Prompt prompt, int pageIndex, int start, ChannelProfile channel) {
    String text = prompt.text();
    int best = -1;
    for (int end = start + 1; end <= text.length() && end - start <= largestBudget(channel); end++) {
      boolean wordEnd = end == text.length() || Character.isWhitespace(text.charAt(end));
      if (wordEnd && !Character.isWhitespace(text.charAt(end - 1))
          && fits(textPage(prompt, pageIndex, start, end), channel)) {
        best = end;
      }
    }
    if (best > 0) {
      return best;
    }
    int end = nextCodePointEnd(text, start);
    while (end < text.length()) {
      int next = nextCodePointEnd(text, end);
      if (!fits(textPage(prompt, pageIndex, start, next), channel)) {
        break;
      }
      end = next;
    }
    return end;
  }

  private static String textPage(Prompt prompt, int pageIndex, int start, int end) {
    String text = prompt.text();
    List<String> lines = new ArrayList<>();
    addHint(lines, prompt, pageIndex);
    lines.add(text.substring(start, end));
    addNavigation(lines, prompt, pageIndex, skipSpace(text, end) < text.length());
    return String.join("\n", lines);
  }

  private static void addHint(List<String> lines, Prompt prompt, int pageIndex) {
    if (pageIndex == 0 && prompt.hint() != null && !prompt.hint().isBlank()) {
      lines.add(prompt.hint());
    }
  }

  private static void addNavigation(List<String> lines, Prompt prompt, int pageIndex, boolean laterPageFollows) {
    if (laterPageFollows) {
      lines.add(prompt.moreLine());
    }
    if (prompt.backLine() != null && (pageIndex > 0 || prompt.canGoBack())) {
      lines.add(prompt.backLine());
    }
  }

  private static int largestBudget(ChannelProfile channel) {
    return Math.max(channel.maxChars(), channel.maxUcs2Chars());
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Never splits a surrogate pair. */
  private static int nextCodePointEnd(String text, int from) {
    return from + Character.charCount(text.codePointAt(from));
  }
}
