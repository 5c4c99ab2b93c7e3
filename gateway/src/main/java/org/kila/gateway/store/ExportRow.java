package org.kila.gateway.store;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.kila.survey.render.ChannelProfile.Channel;

/**
 * One session of a survey as the export shows it: no phone number, the respondent by pseudonymous id.
 *
 * @param endedAt null for a session still open or resumable
 * @param stratifiers profile key -> value as known in that session (captured or carried over)
 * @param answers question id -> the latest answer given in that session
 */
public record ExportRow(
    UUID sessionId,
    UUID respondentId,
    int surveyVersion,
    Channel channel,
    String aggregator,
    SessionStatus status,
    Instant startedAt,
    Instant endedAt,
    Map<String, String> stratifiers,
    Map<String, String> answers) {

  public ExportRow {
    stratifiers = Map.copyOf(stratifiers);
    answers = Map.copyOf(answers);
  }
}
