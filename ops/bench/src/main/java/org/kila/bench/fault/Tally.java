package org.kila.bench.fault;

import java.util.ArrayList;
import java.util.List;
import org.kila.bench.check.AnswerCheck;
import org.kila.bench.load.Crowd;
import org.kila.bench.load.HopStats;
import org.kila.bench.load.Respondent;

/**
 * The figures every fault scenario prints: faults injected, hops sent, answers acknowledged, lost and
 * duplicated, and what happened to the sessions the faults interrupted.
 */
record Tally(int faults, HopStats stats, AnswerCheck.Result check, long interrupted, long wrongResumes,
    long gaveUp, long broken, long unfinished) {

  static Tally of(int faults, Crowd crowd, HopStats stats, AnswerCheck.Result check) {
    long interrupted = 0;
    long wrong = 0;
    long gaveUp = 0;
    long broken = 0;
    long unfinished = 0;
    for (Respondent r : crowd.everyone()) {
      interrupted += r.resumes() > 0 ? 1 : 0;
      wrong += r.wrongResumes();
      if (r.outcome() == Respondent.Outcome.GAVE_UP) {
        gaveUp++;
      } else if (r.outcome() == Respondent.Outcome.BROKEN) {
        broken++;
      } else if (r.outcome() == null) {
        unfinished++;
      }
    }
    return new Tally(faults, stats, check, interrupted, wrong, gaveUp, broken, unfinished);
  }

  /** Nothing lost, duplicated or misplaced, and every interrupted respondent continued where they were. */
  boolean clean() {
    return check.passed() && wrongResumes == 0 && gaveUp == 0 && broken == 0;
  }

  String figures() {
    return String.format("faults injected %d, requests %d, answers acknowledged %d, lost %d, duplicated %d, "
        + "phantom %d; interrupted sessions %d, resumed at the wrong question %d, respondents who gave up %d, "
        + "unexpected screens %d", faults, stats.hops(), check.acknowledged(), check.lost(), check.duplicated(),
        check.phantom(), interrupted, wrongResumes, gaveUp, broken);
  }

  List<String> details(Crowd crowd) {
    List<String> d = new ArrayList<>(check.examples());
    d.add("hops: " + stats.summary());
    d.add("split sessions " + check.split() + ", in-flight answers found stored " + check.pendingStored()
        + ", respondents still playing when the run ended " + unfinished);
    crowd.brokenScreens().forEach(b -> d.add("unexpected screen: " + b.replace("\n", " / ")));
    return d;
  }
}
