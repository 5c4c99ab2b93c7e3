package org.kila.gateway.sms;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kila.gateway.crypto.PhoneVault;
import org.kila.gateway.store.InvitationDao;
import org.kila.gateway.store.MessageKind;
import org.kila.gateway.store.OptOutDao;
import org.kila.gateway.store.RespondentDao;
import org.kila.gateway.survey.SurveyCatalog;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.model.SurveyDefinition;

/**
 * Invites a list of phone numbers to a survey by SMS: a CSV with a {@code phone} column and optionally
 * {@code language} and any of the survey's profile keys (what the NGO already knows, e.g.
 * {@code location_type}: the survey then does not ask it). One invitation per number, queued in the
 * outbox after the survey's quiet hours; a row that cannot be invited (a number that is not one, opted out,
 * already invited, a value the survey does not know, a broken row) is skipped and reported with why.
 *
 * <p>Rows are stored in batches, each its own transaction: a file that breaks half-way keeps what came
 * before, and inviting the same file again skips those already invited, so nothing is sent twice.
 */
public final class Invitations {
  static final int BATCH = 500;

  private final Jdbi jdbi;
  private final SurveyCatalog catalog;
  private final PhoneVault phones;
  private final Outbox outbox;
  private final FollowUpDefaults followUps;
  private final String provider;
  private final Clock clock;

  /**
   * {@code followUps}: the gateway's defaults, of which the quiet hours apply when the survey sets none;
   * {@code provider}: the provider the invitations go through.
   */
  public Invitations(Jdbi jdbi, SurveyCatalog catalog, PhoneVault phones, Outbox outbox, FollowUpDefaults followUps,
      String provider, Clock clock) {
    this.jdbi = jdbi;
    this.catalog = catalog;
    this.phones = phones;
    this.outbox = outbox;
    this.followUps = followUps;
    this.provider = provider;
    this.clock = clock;
  }

  /** A row not invited: its line in the file and why. Never the number itself. */
  public record Skipped(long line, String reason) {}

  /**
   * What became of a file: how many were invited, the rows skipped, and where the file stopped being
   * readable, if it did (null when it was read to the end).
   */
  public record Report(int invited, List<Skipped> skipped, String brokenAt) {
    public Report {
      skipped = List.copyOf(skipped);
    }
  }

  /** The whole file was refused before anything was stored: an unknown survey or column, no phone column. */
  public static final class RefusedFile extends RuntimeException {
    public RefusedFile(String message) {
      super(message);
    }
  }

  public Report invite(String surveyId, Reader csv) {
    CompiledSurvey survey = catalog.live().stream().filter(s -> s.id().equals(surveyId)).findFirst()
        .orElseThrow(() -> new RefusedFile("no launched survey '" + surveyId + "'; launched: "
            + catalog.live().stream().map(CompiledSurvey::id).collect(Collectors.joining(", "))));
    SurveyDefinition definition = survey.definition();
    if (definition.triggers().smsKeywords().isEmpty()) {
      throw new RefusedFile("survey '" + surveyId + "' has no SMS keyword, so those invited could not reply to it");
    }
    Map<String, Set<String>> profileValues = ProfileColumns.of(definition);
    CSVParser parser;
    try {
      parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
          .setIgnoreEmptyLines(true).get().parse(csv);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new RefusedFile("the file's header cannot be read as CSV: " + e.getMessage());
    }
    List<String> header = parser.getHeaderNames();
    checkHeader(header, profileValues, definition);
    Instant now = clock.instant();
    Instant sendAt = followUps.of(definition).quietHours().nextAllowed(now);
    List<Skipped> skipped = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    List<CSVRecord> batch = new ArrayList<>();
    int invited = 0;
    String brokenAt = null;
    var records = parser.iterator();
    while (true) {
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          break;
        }
        record = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        brokenAt = "after line " + parser.getCurrentLineNumber() + ": " + rootMessage(e);
        break;
      }
      batch.add(record);
      if (batch.size() == BATCH) {
        invited += store(batch, survey, profileValues, seen, skipped, now, sendAt);
        batch.clear();
      }
    }
    invited += store(batch, survey, profileValues, seen, skipped, now, sendAt);
    return new Report(invited, skipped, brokenAt);
  }

  private static void checkHeader(List<String> header, Map<String, Set<String>> profileValues, SurveyDefinition definition) {
    if (!header.contains("phone")) {
      throw new RefusedFile("the file needs a 'phone' column; its columns are " + header);
    }
    for (String column : header) {
      if (!column.equals("phone") && !column.equals("language") && !profileValues.containsKey(column)) {
        throw new RefusedFile("column '" + column + "' is neither phone, language nor one of the survey's profile keys "
            + profileValues.keySet() + " (languages: " + definition.languageCodes() + ")");
      }
    }
  }

  /** Invites the batch's good rows in one transaction; returns how many were invited. */
  private int store(List<CSVRecord> batch, CompiledSurvey survey, Map<String, Set<String>> profileValues,
      Map<String, Long> seen, List<Skipped> skipped, Instant now, Instant sendAt) {
    if (batch.isEmpty()) {
      return 0;
    }
    return jdbi.inTransaction(h -> {
      int invited = 0;
      for (CSVRecord record : batch) {
        Optional<String> problem = inviteRow(h, record, survey, profileValues, seen, now, sendAt);
        if (problem.isPresent()) {
          skipped.add(new Skipped(lineOf(record), problem.get()));
        } else {
          invited++;
        }
      }
      return invited;
    });
  }

  /** The row's line in the file, the header being line 1 (a quoted value across lines counts as one). */
  private static long lineOf(CSVRecord record) {
    return record.getRecordNumber() + 1;
  }

  /** Empty when the row was invited, else why not. */
  private Optional<String> inviteRow(Handle h, CSVRecord record, CompiledSurvey survey,
      Map<String, Set<String>> profileValues, Map<String, Long> seen, Instant now, Instant sendAt) {
    if (!record.isConsistent()) {
      return Optional.of("has " + record.size() + " fields, the header has " + record.getParser().getHeaderNames().size());
    }
    SurveyDefinition definition = survey.definition();
    Optional<String> e164 = phones.normalise(record.get("phone"));
    if (e164.isEmpty()) {
      return Optional.of("'phone' is not a phone number we can read");
    }
    Long earlier = seen.putIfAbsent(e164.get(), lineOf(record));
    if (earlier != null) {
      return Optional.of("the same number as line " + earlier);
    }
    String language = record.isMapped("language") ? record.get("language").toLowerCase(Locale.ROOT) : "";
    if (!language.isEmpty() && !definition.languageCodes().contains(language)) {
      return Optional.of("language '" + language + "' is not one of the survey's " + definition.languageCodes());
    }
    Map<String, String> known = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> column : profileValues.entrySet()) {
      String value = record.isMapped(column.getKey()) ? record.get(column.getKey()) : "";
      if (value.isEmpty()) {
        continue;
      }
      if (!column.getValue().isEmpty() && !column.getValue().contains(value)) {
        return Optional.of(column.getKey() + " '" + value + "' is not one of " + column.getValue().stream().sorted().toList());
      }
      known.put(column.getKey(), value);
    }
    byte[] hash = phones.hash(e164.get());
    if (h.attach(OptOutDao.class).isOptedOut(hash)) {
      return Optional.of("opted out of SMS");
    }
    UUID respondent = h.attach(RespondentDao.class).upsert(hash, phones.encrypt(e164.get()));
    if (!h.attach(InvitationDao.class).invite(survey.id(), respondent, language.isEmpty() ? null : language, provider, now, sendAt)) {
      return Optional.of("already invited to this survey");
    }
    h.attach(InvitationDao.class).addKnownProfile(respondent, now, known);
    String lang = language.isEmpty() ? definition.languageCodes().get(0) : language;
    String text = SmsTexts.in(lang, SmsTexts.Text.INVITATION, Map.of(
        "title", Optional.ofNullable(definition.title().in(lang)).orElse(definition.title().in(definition.languageCodes().get(0))),
        "keyword", definition.triggers().smsKeywords().get(0)));
    outbox.enqueue(h, new OutboxDraft(MessageKind.INVITATION, "invite:" + survey.id() + ":" + respondent, provider,
        respondent, text, sendAt, survey.id(), null));
    return Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
