package org.kila.bench.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kila.bench.Rig;
import org.kila.bench.report.Verdict;
import org.kila.bench.run.CpuUse;

/**
 * The machine's own limit for what one hop does to the database, measured with pgbench on the same
 * PostgreSQL and the real tables: lock the aggregator session and its survey session, store the new state
 * and count the hop, insert the answer, update the aggregator session; one transaction, committed durably.
 * The gateway's throughput is then read as a share of this.
 */
public final class PgBench implements Scenario {
  /** As many clients as the gateway has connections (KILA_DB_POOL_SIZE's default). */
  static final int CLIENTS = 8;
  static final int SESSIONS = 10_000;
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  /** A survey session's state as the gateway stores it mid-survey (jsonb text, spaced so pgbench sees no variables). */
  static final String STATE = "{\"hint\": null, \"page\": 0, \"path\": [\"gender\", \"age\"], \"stage\": \"QUESTION\", "
      + "\"answers\": {\"age\": \"22\", \"gender\": \"female\"}, \"profile\": {\"gender\": \"female\", \"age_band\": "
      + "\"18-24\"}, \"language\": \"en\", \"surveyId\": \"youth-voice-ke\", \"questionId\": \"disability\", "
      + "\"invalidTries\": 0, \"surveyVersion\": 1}";
  static final String REPLY = "Do you have difficulty seeing, hearing, walking, remembering, washing or dressing, or "
      + "communicating?\n1. No difficulty\n2. Some difficulty\n98 More\n0 Back";

  @Override
  public String name() {
    return "pgbench";
  }

  @Override
  public Verdict run(Rig rig) throws Exception {
    seed(rig);
    Path script = rig.options().work().resolve("hop.pgbench.sql");
    Files.writeString(script, script(), StandardCharsets.UTF_8);
    int seconds = rig.options().pick(60, 15);
    List<String> command = List.of(rig.options().pgbench(), "-n", "-M", "prepared", "-c", Integer.toString(CLIENTS),
        "-j", "2", "-T", Integer.toString(seconds), "-D", "sessions=" + SESSIONS, "-f", script.toString(),
        "-h", "127.0.0.1", "-p", Integer.toString(rig.postgres().port()), "-U", "postgres", rig.options().database());
    CpuUse cpu = CpuUse.from(rig.gateway().pid(), rig.postgres().postmasterPid());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return Verdict.of(name(), false, "pgbench runs", "pgbench failed: " + out.strip().replace("\n", " / "));
    }
    CpuUse.Cores cores = cpu.cores();
    double tps = tps(out);
    rig.recordPgbench(tps);
    String latency = out.lines().filter(l -> l.startsWith("latency average")).findFirst().orElse("").strip();
    return Verdict.of(name(), tps > 0, "the machine's limit for one hop's writes (no target)",
        String.format("%.0f tps with %d clients for %d s (%s): lock, state update, answer insert, channel update, "
            + "durable commit; PostgreSQL %.2f cores (%.2f ms CPU a transaction), pgbench and other work %.2f cores",
            tps, CLIENTS, seconds, latency, cores.postgres(), tps == 0 ? 0 : cores.postgres() * 1000 / tps,
            cores.others()));
  }

  static double tps(String pgbenchOutput) {
    Matcher m = TPS.matcher(pgbenchOutput);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  static String script() {
    return "\\set n random(1, :sessions)\n"
        + "BEGIN;\n"
        + "SELECT c.id AS cid, s.id AS sid, s.state::text AS st FROM channel_session c JOIN survey_session s "
        + "ON s.id = c.session_id WHERE c.aggregator = 'pgbench' AND c.external_id = :n::text FOR UPDATE \\gset\n"
        + "UPDATE survey_session SET state = CAST('" + STATE + "' AS jsonb), status = 'active', "
        + "current_question = 'disability', updated_at = now(), ended_at = COALESCE(ended_at, NULL::timestamptz), "
        + "hops = hops + 1 WHERE id = :sid RETURNING hops \\gset\n"
        + "INSERT INTO answer (session_id, question_id, value, carried_over, hop_seq, answered_at) "
        + "VALUES (:sid, 'age', '22', false, :hops, now()) ON CONFLICT (session_id, question_id, hop_seq) DO NOTHING;\n"
        + "UPDATE channel_session SET last_input = '1*1*1*22', last_hop_key = '1*1*1*22', last_reply = '"
        + REPLY.replace("\n", "' || chr(10) || '") + "', last_reply_ends = false, hops = hops + 1, updated_at = now() "
        + "WHERE id = :cid;\n"
        + "END;\n";
  }

  /** Sessions for pgbench to play on, under an aggregator name no respondent uses. */
  private static void seed(Rig rig) throws Exception {
    try (Connection c = rig.database().connect()) {
      String survey = rig.script().id();
      int version;
      try (PreparedStatement st = c.prepareStatement(
          "SELECT version FROM survey_version WHERE survey_id = ? AND status = 'launched'")) {
        st.setString(1, survey);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            throw new IOException("survey " + survey + " is not launched in the database");
          }
          version = rs.getInt(1);
        }
      }
      try (PreparedStatement st = c.prepareStatement("""
          WITH r AS (
            INSERT INTO respondent (phone_hash, phone_enc)
            SELECT sha256(convert_to('pgbench-' || i, 'UTF8')), '\\x00'::bytea FROM generate_series(1, ?) i
            ON CONFLICT (phone_hash) DO NOTHING
            RETURNING id),
          s AS (
            INSERT INTO survey_session (survey_id, survey_version, respondent_id, channel, aggregator, status, state,
                                        current_question, started_at, updated_at)
            SELECT ?, ?, id, 'ussd', 'pgbench', 'active', CAST(? AS jsonb), 'disability', now(), now() FROM r
            RETURNING id)
          INSERT INTO channel_session (aggregator, external_id, session_id, service_code, created_at, updated_at)
          SELECT 'pgbench', (row_number() OVER ())::text, id, '*384*12#', now(), now() FROM s""")) {
        st.setInt(1, SESSIONS);
        st.setString(2, survey);
        st.setInt(3, version);
        st.setString(4, STATE);
        st.executeUpdate();
      }
    }
  }
}
