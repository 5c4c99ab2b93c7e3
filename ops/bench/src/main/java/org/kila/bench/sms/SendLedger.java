package org.kila.bench.sms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reached Twilio against what was invited: every invited number texted exactly once, none missing,
 * none twice, none to a number nobody invited; and how the sending was shared: texts per gateway instance
 * and each instance's busiest ten seconds, as texts per second (to compare with its configured rate; over
 * a shorter window, texts a busy sender paced correctly but handed over late would arrive bunched).
 *
 * @param byInstance texts created per instance
 * @param busiestPerSecond per instance, texts per second over its busiest window of ten seconds
 */
public record SendLedger(int invited, int received, int missing, int duplicated, int unexpected,
    List<Integer> byInstance, List<Double> busiestPerSecond) {
  static final long WINDOW_MILLIS = 10_000;


  public static SendLedger of(Collection<String> invited, List<FakeTwilio.Message> messages, int instances) {
    Set<String> wanted = new HashSet<>(invited);
    Map<String, Integer> texts = new HashMap<>();
    List<Integer> byInstance = new ArrayList<>();
    List<List<Long>> times = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      byInstance.add(0);
      times.add(new ArrayList<>());
    }
    int unexpected = 0;
    for (FakeTwilio.Message m : messages) {
      byInstance.set(m.instance(), byInstance.get(m.instance()) + 1);
      times.get(m.instance()).add(m.atMillis());
      if (wanted.contains(m.to())) {
        texts.merge(m.to(), 1, Integer::sum);
      } else {
        unexpected++;
      }
    }
    int missing = 0;
    int duplicated = 0;
    for (String number : wanted) {
      int n = texts.getOrDefault(number, 0);
      missing += n == 0 ? 1 : 0;
      duplicated += Math.max(0, n - 1);
    }
    List<Double> peaks = times.stream().map(t -> peak(t, WINDOW_MILLIS) * 1_000.0 / WINDOW_MILLIS).toList();
    return new SendLedger(wanted.size(), messages.size(), missing, duplicated, unexpected, List.copyOf(byInstance), peaks);
  }

  /** The most of {@code millis} (in any order) that fall in one window [t, t + windowMillis). */
  static int peak(List<Long> millis, long windowMillis) {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(Long::compare);
    int peak = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (sorted.get(end) - sorted.get(start) >= windowMillis) {
        start++;
      }
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }

  /** Each invited number texted exactly once, and no one else. */
  public boolean clean() {
    return missing == 0 && duplicated == 0 && unexpected == 0;
  }
}
