package org.kila.bench.load;

import io.vertx.core.Future;

/**
 * Where a crowd's requests go: to the one gateway under test, or to one of several instances as a proxy in
 * front of them would send them ({@link TwoInstances}).
 */
public interface Route {
  /** One hop of {@code r}'s aggregator session {@code sessionId}. */
  Future<UssdClient.Reply> hop(Respondent r, String serviceCode, String sessionId, String text);

  /**
   * Africa's Talking's end-of-session notice for the session {@code r} just hung up on, or null when this
   * route sends none.
   */
  Future<UssdClient.Reply> sessionEnded(Respondent r, String serviceCode, String lastScreen);

  /** Every hop to the one gateway {@code client} talks to; no end-of-session notices. */
  static Route to(UssdClient client) {
    return new Route() {
      @Override
      public Future<UssdClient.Reply> hop(Respondent r, String serviceCode, String sessionId, String text) {
        return client.hop(serviceCode, sessionId, r.phone(), text);
      }

      @Override
      public Future<UssdClient.Reply> sessionEnded(Respondent r, String serviceCode, String lastScreen) {
        return null;
      }
    };
  }
}
