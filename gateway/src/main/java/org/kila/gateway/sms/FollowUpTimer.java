package org.kila.gateway.sms;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.kila.gateway.db.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the reminders and nudges of {@link FollowUps} now and then, off the event loop, one round at a time. */
public final class FollowUpTimer extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(FollowUpTimer.class);

  private final FollowUps followUps;
  private final Blocking blocking;
  private final Duration every;
  private long timer;
  private boolean running;

  public FollowUpTimer(FollowUps followUps, Blocking blocking, Duration every) {
    this.followUps = followUps;
    this.blocking = blocking;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), id -> round());
    return Future.succeededFuture();
  }

  private void round() {
    if (running) {
      return;
    }
    running = true;
    blocking.run(() -> followUps.remind() + followUps.nudge())
        .onComplete(done -> {
          running = false;
          if (done.failed()) {
            LOG.warn("Reminders and nudges not queued this round: {}", done.cause().toString());
          } else if (done.result() > 0) {
            LOG.info("Queued {} reminders and nudges", done.result());
          }
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
