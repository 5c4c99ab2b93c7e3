package org.kila.gateway.admin.surveys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.admin.ApiRouter;
import org.kila.gateway.admin.Reply;
import org.kila.gateway.admin.RequestJson;
import org.kila.gateway.admin.auth.Role;
import org.kila.gateway.admin.auth.SignedIn;
import org.kila.gateway.db.Blocking;
import org.kila.gateway.store.SessionStateJson;
import org.kila.survey.Surveys;
import org.kila.survey.engine.Input;
import org.kila.survey.engine.QuotaCounts;
import org.kila.survey.engine.SessionState;
import org.kila.survey.engine.StepContext;
import org.kila.survey.engine.SurveyEngine;
import org.kila.survey.engine.SurveyEvent;
import org.kila.survey.engine.Turn;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.render.Gsm7;

/**
 * {@code POST /api/simulate} (designers and admins): one step of a draft through the real engine and
 * renderer, over USSD (this gateway's screen budget) or SMS, with the screen's length, encoding and SMS
 * segments. The page keeps the state between steps; nothing is stored and no quota is counted.
 */
public final class SimulatorRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Blocking blocking;
  private final ChannelProfile ussd;
  private final Clock clock;
  private final SurveyEngine engine = new SurveyEngine();

  public SimulatorRoutes(Blocking blocking, ChannelProfile ussd, Clock clock) {
    this.blocking = blocking;
    this.ussd = ussd;
    this.clock = clock;
  }

  public void mount(ApiRouter api) {
    api.route(HttpMethod.POST, "/api/simulate", Role.DESIGNER, this::simulate);
  }

  private Future<Reply> simulate(RoutingContext ctx, SignedIn user) {
    JsonObject body = RequestJson.object(ctx);
    if (!(body.getValue("definition") instanceof JsonObject definition)) {
      throw ApiException.badRequest("The field \"definition\" must be a survey definition (a JSON object).");
    }
    String channel = RequestJson.optionalText(body, "channel").orElse("ussd");
    if (!channel.equals("ussd") && !channel.equals("sms")) {
      throw ApiException.badRequest("The field \"channel\" must be \"ussd\" or \"sms\", not \"" + channel + "\".");
    }
    Object stateValue = body.getValue("state");
    if (stateValue != null && !(stateValue instanceof JsonObject)) {
      throw ApiException.badRequest("The field \"state\" must be null or the state of the previous step.");
    }
    String input = RequestJson.optionalText(body, "input").orElse(null);
    String language = RequestJson.optionalText(body, "language").filter(l -> !l.isBlank()).orElse(null);
    ChannelProfile profile = channel.equals("sms") ? ChannelProfile.smsDefault() : ussd;
    return blocking.run(() -> {
      Surveys.Loaded loaded = Surveys.load(definition.encode(), ussd);
      if (!loaded.ok()) {
        throw ApiException.unprocessable("The survey does not validate yet: fix its problems to try it.",
            loaded.problems());
      }
      SessionState state = stateValue == null ? null : state((JsonObject) stateValue);
      Input step = state == null ? new Input.Started(Map.of(), language)
          : input == null ? new Input.Resumed() : new Input.Answered(input);
      Turn turn;
      try {
        turn = engine.step(loaded.survey(), state, step, new StepContext(clock.instant(), profile, QuotaCounts.NONE));
      } catch (IllegalArgumentException e) {
        throw ApiException.conflict("The survey changed since this try started: start it again.");
      }
      return Reply.ok(answer(turn, profile));
    });
  }

  private static SessionState state(JsonObject json) {
    try {
      return SessionStateJson.read(json.encode());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("The field \"state\" is not a state the simulator gave.");
    }
  }

  private static JsonObject answer(Turn turn, ChannelProfile profile) {
    String screen = turn.screen();
    Gsm7.Segments segments = Gsm7.segments(screen);
    JsonArray events = new JsonArray();
    turn.events().forEach(e -> events.add(event(e)));
    return new JsonObject()
        .put("state", new JsonObject(SessionStateJson.write(turn.state())))
        .put("screen", screen)
        .put("done", turn.done())
        .put("chars", Gsm7.screenLength(screen))
        .put("limit", segments.ucs2() ? profile.maxUcs2Chars() : profile.maxChars())
        .put("encoding", segments.ucs2() ? "UCS-2" : "GSM-7")
        .put("segments", segments.count())
        .put("events", events);
  }

  /** An engine event as JSON: its fields, and its kind in {@code type} ({@code AnswerRecorded}, ...). */
  private static JsonObject event(SurveyEvent event) {
    try {
      return new JsonObject().put("type", event.getClass().getSimpleName())
          .mergeIn(new JsonObject(JSON.writeValueAsString(event)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an engine event could not be written as JSON", e);
    }
  }
}
