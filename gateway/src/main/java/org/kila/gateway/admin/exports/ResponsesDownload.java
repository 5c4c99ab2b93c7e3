package org.kila.gateway.admin.exports;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.export.ResponsesCsv;
import org.kila.gateway.store.ExportDao;
import org.kila.gateway.store.ExportRow;
import org.kila.survey.model.SurveyDefinition;

/**
 * Streams a survey's responses CSV (one row per session, as {@code kila export} writes it) as a chunked
 * HTTP response: page after page of {@link #PAGE_SIZE} sessions, each read and formatted on a worker,
 * the next page fetched only once the connection has room for more (back-pressure). However many rows,
 * only one page is ever in memory, and a slow download holds no database connection between pages.
 */
final class ResponsesDownload {
  static final int PAGE_SIZE = 1000;
  private static final UUID BEFORE_ANY_ID = new UUID(0, 0);

  private final Jdbi jdbi;
  private final Blocking blocking;

  ResponsesDownload(Jdbi jdbi, Blocking blocking) {
    this.jdbi = jdbi;
    this.blocking = blocking;
  }

  /**
   * Writes the CSV of sessions started in {@code range} to {@code response} and ends it: the sessions of
   * {@code version}, or of every version when it is 0; {@code columns}: that version's definition, or the
   * newest.
   */
  Future<Void> send(HttpServerResponse response, String surveyId, int version, SurveyDefinition columns, DateRange range) {
    return new Transfer(response, surveyId, version, columns, range).start();
  }

  /** One download in progress: the cursor, and the CSV writer whose output is handed out page by page. */
  private final class Transfer {
    private final HttpServerResponse response;
    private final String surveyId;
    private final int version;
    private final DateRange range;
    private final StringBuilder pending = new StringBuilder();
    private final ResponsesCsv csv;
    private final Promise<Void> done = Promise.promise();

    Transfer(HttpServerResponse response, String surveyId, int version, SurveyDefinition columns, DateRange range) {
      this.response = response;
      this.surveyId = surveyId;
      this.version = version;
      this.range = range;
      this.csv = new ResponsesCsv(pending, columns); // the header row, sent with the first page
    }

    Future<Void> start() {
      // A client gone while the next page waits for room would otherwise leave this download pending.
      response.closeHandler(v -> done.tryComplete());
      next(range.start(), BEFORE_ANY_ID);
      return done.future();
    }

    /** A page, formatted, with the cursor the next one starts after, and whether it is the last. */
    private record Page(String text, Instant lastStartedAt, UUID lastId, boolean last) {}

    private void next(Instant afterStartedAt, UUID afterId) {
      blocking.run(() -> read(afterStartedAt, afterId)).onComplete(result -> {
        if (result.failed()) {
          done.tryFail(result.cause());
          return;
        }
        if (response.closed()) {
          done.tryComplete(); // the client went away: nothing more to send
          return;
        }
        Page page = result.result();
        if (!page.text().isEmpty()) {
          response.write(page.text());
        }
        if (page.last()) {
          response.end().onComplete(ended -> done.tryComplete());
        } else if (response.writeQueueFull()) {
          response.drainHandler(v -> next(page.lastStartedAt(), page.lastId()));
        } else {
          next(page.lastStartedAt(), page.lastId());
        }
      });
    }

    /** On a worker: reads one page and formats it. */
    private Page read(Instant afterStartedAt, UUID afterId) {
      List<ExportRow> rows = jdbi.withExtension(ExportDao.class,
          dao -> dao.page(surveyId, version, afterStartedAt, afterId, range.end(), PAGE_SIZE));
      rows.forEach(csv::write);
      String text = pending.toString();
      pending.setLength(0);
      if (rows.isEmpty()) {
        return new Page(text, afterStartedAt, afterId, true);
      }
      ExportRow last = rows.get(rows.size() - 1);
      return new Page(text, last.startedAt(), last.sessionId(), rows.size() < PAGE_SIZE);
    }
  }
}
