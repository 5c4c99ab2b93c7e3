package org.kila.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kila.bench.survey.SurveyScript;

/**
 * The simulated proxy against a live instance and one that is down. Generous timeouts: on a busy machine a
 * cold Vert.x takes seconds over its first request.
 */
class TwoInstancesFailoverTest {
  Vertx vertx;
  HttpServer live;
  List<String> received = Collections.synchronizedList(new ArrayList<>());
  AtomicInteger noticesToRefuse = new AtomicInteger();
  TwoInstances route;
  Respondent respondent;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    live = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      received.add(req.path() + " " + body.toString(StandardCharsets.UTF_8));
      if (req.path().endsWith("/events") && noticesToRefuse.getAndDecrement() > 0) {
        req.response().setStatusCode(503).end("try again later");
      } else {
        req.response().end(req.path().endsWith("/events") ? "OK" : "CON Choose your language\n1. English\n2. Kiswahili");
      }
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    int down;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      down = s.getLocalPort();
    }
    // Even number 4 starts on instance 0: the one that is down.
    route = new TwoInstances(vertx, new UssdClient(vertx, "127.0.0.1", down, 4, 5_000),
        new UssdClient(vertx, "127.0.0.1", live.actualPort(), 4, 5_000), 50);
    respondent = new Respondent(4, "t", SurveyScript.read(Path.of("../survey-definitions/examples/youth-voice-ke.json")),
        1, 3, -1);
    respondent.dial();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aHopThatCannotConnectGoesToTheOtherInstance() throws Exception {
    UssdClient.Reply reply = route.hop(respondent, "*384*12#", respondent.externalId(), "")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(200, reply.status());
    TwoInstances.Figures figures = route.figures();
    assertEquals(1, figures.failedOver());
    assertEquals(0, figures.servedA());
    assertEquals(1, figures.servedB());
    assertTrue(received.get(0).startsWith("/ussd/africastalking sessionId=t-4-1&"), received.get(0));
  }

  @Test
  void anEndOfSessionNoticeRefusedWith503IsSentAgain() throws Exception {
    noticesToRefuse.set(1);
    UssdClient.Reply reply = route.sessionEnded(respondent, "*384*12#", "CON How old are you?")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(200, reply.status());
    assertEquals(1, route.figures().noticeRetries());
    assertEquals(0, route.figures().noticesNotTaken());
    assertEquals(2, received.size());
    String notice = received.get(1);
    assertTrue(notice.startsWith("/ussd/africastalking/events sessionId=t-4-1&"), notice);
    assertTrue(notice.contains("&status=Incomplete&") && notice.contains("&hopsCount=1&")
        && notice.contains("&phoneNumber=%2B254700000004&"), notice);
  }

  @Test
  void aNoticeStillRefusedAfterEveryAttemptIsCounted() throws Exception {
    noticesToRefuse.set(TwoInstances.NOTICE_ATTEMPTS);
    UssdClient.Reply reply = route.sessionEnded(respondent, "*384*12#", "CON How old are you?")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(503, reply.status());
    assertEquals(1, route.figures().noticesNotTaken());
    assertEquals("503 try again later", route.figures().lastRefusal());
  }
}
