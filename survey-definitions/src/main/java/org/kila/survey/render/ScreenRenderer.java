package org.kila.survey.render;

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
 */
public final class ScreenRenderer {

  /** One prompt before layout: text, numbered option lines (may be empty), and the navigation labels. */
  public record Prompt(String hint, String text, List<String> options, String moreLine, String backLine, boolean canGoBack) {
    public Prompt {
      options = List.copyOf(options);
    }
  }

  /** The laid-out pages; option {@code i} (0-based) is on page {@code pageOfOption[i]}. */
  public record Pages(List<String> pages, int[] pageOfOption) {}

  public Pages layout(Prompt prompt, ChannelProfile channel) {
    throw new UnsupportedOperationException("renderer not written yet");
  }
}
