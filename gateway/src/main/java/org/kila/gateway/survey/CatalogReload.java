package org.kila.gateway.survey;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.store.ClosedTriggerRow;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyStatus;
import org.kila.gateway.store.SurveyTriggerRow;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.survey.engine.CompiledSurvey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link SurveyCatalog} in step with the database: the launched versions, the paused ones (those
 * still holding their codes), and the USSD codes and SMS keywords of surveys that are over. Run by this instance right after it launches, pauses or closes a
 * survey, so its USSD endpoint serves the change at once, and every {@link #PERIOD} on every instance,
 * so that a change made through another instance reaches this one within that time.
 */
public final class CatalogReload {
  public static final Duration PERIOD = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(CatalogReload.class);

  private final Jdbi jdbi;
  private final SurveyCatalog catalog;
  private final AtomicBoolean running = new AtomicBoolean();

  public CatalogReload(Jdbi jdbi, SurveyCatalog catalog) {
    this.jdbi = jdbi;
    this.catalog = catalog;
  }

  /** Blocking: reads and applies the current state. A stored version that no longer compiles is skipped and logged. */
  public void run() {
    List<SurveyVersionRow> launched = jdbi.withExtension(SurveyDao.class, SurveyDao::launched);
    Set<String> pausedKeys = new LinkedHashSet<>();
    List<CompiledSurvey> paused = new ArrayList<>();
    for (SurveyTriggerRow trigger : jdbi.withExtension(SurveyDao.class, SurveyDao::triggers)) {
      if (trigger.status() == SurveyStatus.PAUSED && pausedKeys.add(trigger.surveyId() + "@" + trigger.version())) {
        compile(trigger.surveyId(), trigger.version(), paused);
      }
    }
    List<CompiledSurvey> live = new ArrayList<>();
    launched.forEach(row -> compile(row.surveyId(), row.version(), live));
    // In the order given: of two closed surveys that once had the same code or keyword, the later one keeps it.
    Map<String, ClosedSurvey> closedKeywords = new LinkedHashMap<>();
    Map<String, ClosedSurvey> closedCodes = new LinkedHashMap<>();
    for (ClosedTriggerRow row : jdbi.withExtension(SurveyDao.class, SurveyDao::closedTriggers)) {
      ClosedSurvey closed = new ClosedSurvey(row.surveyId(), row.version(), row.language() == null ? "en" : row.language());
      if (row.channel().equals("ussd")) {
        closedCodes.put(row.trigger(), closed);
      } else {
        closedKeywords.put(SmsKeywords.normalise(row.trigger()), closed);
      }
    }
    catalog.setServing(live, paused, new SurveyCatalog.Closed(closedCodes, closedKeywords));
  }

  private void compile(String surveyId, int version, List<CompiledSurvey> into) {
    try {
      into.add(catalog.version(surveyId, version));
    } catch (IllegalStateException e) {
      LOG.error("survey {} v{} is not served: {}", surveyId, version, e.getMessage());
    }
  }

  /** Runs {@link #run} every {@link #PERIOD} on a worker; a run still going when the next is due is not doubled. */
  public void every(Vertx vertx, Blocking blocking) {
    vertx.setPeriodic(PERIOD.toMillis(), id -> {
      if (!running.compareAndSet(false, true)) {
        return;
      }
      blocking.run(() -> {
        run();
        return null;
      }).onComplete(done -> {
        running.set(false);
        if (done.failed()) {
          LOG.warn("could not reload the surveys served: {}", done.cause().toString());
        }
      });
    });
  }
}
