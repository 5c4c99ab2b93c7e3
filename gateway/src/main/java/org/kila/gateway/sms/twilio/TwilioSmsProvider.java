package org.kila.gateway.sms.twilio;

import com.twilio.base.Page;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kila.gateway.channel.twilio.TwilioStatus;
import org.kila.gateway.sms.OutgoingSms;
import org.kila.gateway.sms.PriorSend;
import org.kila.gateway.sms.SendResult;
import org.kila.gateway.sms.SmsProvider;

/**
 * Sends through Twilio's Messages API with the Twilio Java SDK, on a client of our own (never the SDK's
 * global {@code Twilio.init()}). Every message asks for status callbacks on a URL carrying its outbox
 * key, so delivery reports, and a crashed send, find their row. See
 * https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 */
public final class TwilioSmsProvider implements SmsProvider {
  public static final String NAME = "twilio";

  /** Twilio's error for a number that replied STOP: we must not message it again until START. */
  static final int OPTED_OUT = 21610;

  /**
   * Twilio errors that are about us or Twilio at the moment, not about the message: they would fail
   * every message alike, so they are retried (and an operator alerted by the retry count) instead of
   * failing the whole outbox. 20003: our credentials were refused; 20429: too many requests; 21611: the
   * sender's queue is full. See https://www.twilio.com/docs/api/errors
   */
  private static final Set<Integer> TRANSIENT_CODES = Set.of(20003, 20429, 21611);

  /**
   * How far back from the interrupted attempt a found message may have been created: Twilio's clock and
   * ours differ a little.
   */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private final TwilioRestClient client;
  private final String from;
  private final String statusCallback;

  /**
   * @param baseUrl where the Messages API is, or null for Twilio itself (tests give a local fake)
   * @param publicUrl the gateway's base URL as Twilio calls it, for status callbacks; null: no callbacks
   * @param timeout the longest one API call may take before it counts as a transient failure
   */
  public TwilioSmsProvider(String accountSid, String authToken, String from, URI baseUrl, String publicUrl,
      Duration timeout, Clock clock) {
    this.client = new TwilioRestClient.Builder(accountSid, authToken)
        .httpClient(new TwilioHttp(baseUrl, timeout, clock))
        .build();
    this.from = from;
    this.statusCallback = publicUrl == null ? null : publicUrl.replaceAll("/+$", "") + "/sms/twilio/status";
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String sender() {
    return from;
  }

  @Override
  public SendResult send(OutgoingSms message) {
    try {
      var creator = Message.creator(new PhoneNumber(message.to()), new PhoneNumber(from), message.body());
      if (statusCallback != null) {
        creator.setStatusCallback(URI.create(statusCallback + "?" + TwilioStatus.KEY_PARAMETER + "=" + message.key()));
      }
      return new SendResult.Sent(creator.create(client).getSid());
    } catch (TwilioHttp.Throttled e) {
      return new SendResult.Transient(e.getMessage(), e.retryAfter);
    } catch (TwilioHttp.Unanswered e) {
      return new SendResult.InDoubt(e.getMessage());
    } catch (ApiConnectionException e) {
      return new SendResult.Transient(e.getMessage(), null);
    } catch (ApiException e) {
      return refusal(e);
    }
  }

  private static SendResult refusal(ApiException e) {
    Integer status = e.getStatusCode();
    Integer code = e.getCode();
    String reason = (status == null ? "" : "HTTP " + status + ": ") + e.getMessage();
    if (status == null || status >= 500 || (code != null && TRANSIENT_CODES.contains(code)) || status == 401) {
      return new SendResult.Transient(reason, null);
    }
    return new SendResult.Permanent(reason, code == null ? null : code.toString(), code != null && code == OPTED_OUT);
  }

  /**
   * Twilio has no idempotency key for creating messages and does not return the status callback URL
   * when listing them, so an interrupted send is looked up by what it would have created: the latest
   * messages to that number from our sender, kept when the body is the same and Twilio created it after
   * the attempt began. The outbox skips ids it already holds for other rows, so two identical texts to
   * one number are never mistaken for each other.
   */
  @Override
  public PriorSend lookup(OutgoingSms message, Instant attemptStarted) {
    Page<Message> page;
    try {
      page = Message.reader().setTo(new PhoneNumber(message.to())).setFrom(new PhoneNumber(from)).setPageSize(50L)
          .firstPage(client);
    } catch (ApiException | ApiConnectionException e) {
      return new PriorSend.Unreachable(e.getMessage());
    }
    Instant since = attemptStarted.minus(CLOCK_SKEW);
    List<String> ids = new ArrayList<>();
    for (Message m : page.getRecords()) {
      boolean recent = m.getDateCreated() == null || !m.getDateCreated().toInstant().isBefore(since);
      if (recent && message.body().equals(m.getBody())) {
        ids.add(m.getSid());
      }
    }
    return ids.isEmpty() ? new PriorSend.NotFound() : new PriorSend.Found(ids);
  }
}
