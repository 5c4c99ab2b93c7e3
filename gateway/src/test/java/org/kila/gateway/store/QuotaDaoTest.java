package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;
import org.kila.survey.engine.QuotaCounts;
import org.kila.survey.engine.SurveyEvent.QuotaCell;

class QuotaDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  final QuotaDao quotas = db.dao(QuotaDao.class);

  @Test
  void eachCompletionCountsOnceInEachOfItsCells() {
    QuotaCell women = new QuotaCell("by_gender", "gender=female");
    QuotaCell ruralWomen = new QuotaCell("by_gender_place", "gender=female|location_type=rural");
    quotas.increment("youth", List.of(women, ruralWomen));
    quotas.increment("youth", List.of(women));

    assertEquals(List.of(new QuotaCountRow("by_gender", "gender=female", 2),
        new QuotaCountRow("by_gender_place", "gender=female|location_type=rural", 1)), quotas.counts("youth"));
    QuotaCounts snapshot = quotas.snapshot("youth");
    assertEquals(2, snapshot.completed("by_gender", "gender=female"));
    assertEquals(0, snapshot.completed("by_gender", "gender=male"), "an empty stratum is zero");
    assertEquals(List.of(), quotas.counts("another-survey"));
  }

  @Test
  void concurrentCompletionsAreAllCounted() throws Exception {
    List<QuotaCell> cells = List.of(new QuotaCell("q", "age_band=15-19"), new QuotaCell("q", "age_band=20-24"));
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // Half list the cells in the other order: the DAO sorts them, so they cannot deadlock.
      List<QuotaCell> order = i % 2 == 0 ? cells : List.of(cells.get(1), cells.get(0));
      runs.add(CompletableFuture.runAsync(() -> {
        for (int j = 0; j < 10; j++) {
          db.jdbi().useTransaction(h -> h.attach(QuotaDao.class).increment("concurrent", order));
        }
      }));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertEquals(80, quotas.snapshot("concurrent").completed("q", "age_band=15-19"));
    assertEquals(80, quotas.snapshot("concurrent").completed("q", "age_band=20-24"));
  }

  @Test
  void noCellsChangeNothing() {
    quotas.increment("nothing", List.of());
    assertEquals(List.of(), quotas.counts("nothing"));
  }
}
