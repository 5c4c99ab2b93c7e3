package org.kila.survey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.render.Gsm7;
import org.kila.survey.render.ScreenRenderer;

/**
 * A respondent's basic phone talking to the engine, for tests that read like the conversation:
 * {@code Phone.dial(survey).sees("1. Female").answers("1").sees("How old are you?")}.
 *
 * <p>Like the gateway, it keeps the session state between hops only as JSON, and on every screen it
 * checks that the screen fits the channel's budget.
 */
final class Phone {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

  private final SurveyEngine engine = new SurveyEngine();
  private final CompiledSurvey survey;
  private final StepContext context;
  private String storedState;
  private Turn last;
  private final List<SurveyEvent> everyEvent = new ArrayList<>();

  private Phone(CompiledSurvey survey, StepContext context) {
    this.survey = survey;
    this.context = context;
  }

  /** Dials the survey on a default 160-character USSD channel, with an empty profile and no quota filled. */
  static Phone dial(CompiledSurvey survey) {
    return call(survey).dial();
  }

  static Call call(CompiledSurvey survey) {
    return new Call(survey);
  }

  /** How a call is placed: what the respondent's profile already holds, their language, the channel, quotas. */
  static final class Call {
    private final CompiledSurvey survey;
    private final Map<String, String> profile = new HashMap<>();
    private String language;
    private ChannelProfile channel = ChannelProfile.ussdDefault();
    private QuotaCounts quotas = QuotaCounts.NONE;

    private Call(CompiledSurvey survey) {
      this.survey = survey;
    }

    Call knowing(String profileKey, String value) {
      profile.put(profileKey, value);
      return this;
    }

    Call preferring(String languageCode) {
      language = languageCode;
      return this;
    }

    Call over(ChannelProfile channel) {
      this.channel = channel;
      return this;
    }

    Call withQuotas(QuotaCounts quotas) {
      this.quotas = quotas;
      return this;
    }

    Phone dial() {
      Phone phone = new Phone(survey, new StepContext(NOON, channel, quotas));
      phone.step(new Input.Started(profile, language));
      return phone;
    }
  }

  Phone answers(String text) {
    return step(new Input.Answered(text));
  }

  Phone timesOut() {
    return step(new Input.TimedOut());
  }

  Phone hangsUp() {
    return step(new Input.Closed());
  }

  Phone redials() {
    return step(new Input.Resumed());
  }

  private Phone step(Input input) {
    SessionState before = storedState == null ? null : read(storedState);
    last = engine.step(survey, before, input, context);
    everyEvent.addAll(last.events());
    storedState = write(last.state());
    assertEquals(last.state(), read(storedState), "the state survives its JSON form");
    if (!last.screen().isEmpty()) {
      assertTrue(ScreenRenderer.fits(last.screen(), context.channel()),
          () -> "over the channel budget (" + Gsm7.screenLength(last.screen()) + "):\n" + last.screen());
    }
    return this;
  }

  /** Every fragment is on the screen. */
  Phone sees(String... fragments) {
    for (String fragment : fragments) {
      assertTrue(last.screen().contains(fragment), () -> "expected \"" + fragment + "\" on screen:\n" + last.screen());
    }
    return this;
  }

  Phone seesScreen(String... lines) {
    assertEquals(String.join("\n", lines), last.screen());
    return this;
  }

  Phone doesNotSee(String... fragments) {
    for (String fragment : fragments) {
      assertFalse(last.screen().contains(fragment), () -> "did not expect \"" + fragment + "\" on:\n" + last.screen());
    }
    return this;
  }

  /** Exactly these events came of the last step, in this order. */
  Phone events(SurveyEvent... expected) {
    assertEquals(Arrays.asList(expected), last.events(), () -> "events after the screen:\n" + last.screen());
    return this;
  }

  Phone noEvents() {
    return events();
  }

  /** The session is over: the channel ends it (USSD "END"). */
  Phone isDone() {
    assertTrue(last.done(), () -> "expected the session to end, screen:\n" + last.screen());
    return this;
  }

  Phone isOpen() {
    assertFalse(last.done(), () -> "expected the session to go on, screen:\n" + last.screen());
    return this;
  }

  String screen() {
    return last.screen();
  }

  SessionState state() {
    return last.state();
  }

  /** Every event of the whole call, in order. */
  List<SurveyEvent> everyEvent() {
    return List.copyOf(everyEvent);
  }

  static SurveyEvent recorded(String questionId, String value) {
    return new SurveyEvent.AnswerRecorded(questionId, value, false);
  }

  static SurveyEvent carried(String questionId, String value) {
    return new SurveyEvent.AnswerRecorded(questionId, value, true);
  }

  static SurveyEvent captured(String profileKey, String value, String questionId) {
    return new SurveyEvent.StratifierCaptured(profileKey, value, questionId);
  }

  static SurveyEvent invalid(String questionId, String reason) {
    return new SurveyEvent.InvalidAnswer(questionId, reason);
  }

  static SurveyEvent completed(SurveyEvent.QuotaCell... cells) {
    return new SurveyEvent.Completed(List.of(cells));
  }

  static SurveyEvent.QuotaCell cell(String quotaId, String stratumKey) {
    return new SurveyEvent.QuotaCell(quotaId, stratumKey);
  }

  private static String write(SessionState state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      return fail("state did not serialise", e);
    }
  }

  private static SessionState read(String json) {
    try {
      return JSON.readValue(json, SessionState.class);
    } catch (JsonProcessingException e) {
      return fail("state did not deserialise: " + json, e);
    }
  }
}
