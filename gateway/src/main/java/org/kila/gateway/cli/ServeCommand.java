package org.kila.gateway.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.kila.gateway.Gateway;
import org.kila.gateway.config.ConfigOption;
import org.kila.gateway.config.KilaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve}: starts the gateway and prints where the admin page is. */
public final class ServeCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  private ServeCommand() {}

  static String help() {
    StringBuilder s = new StringBuilder("""
        Usage: kila serve [--config FILE]

        Starts Kila. With no database configured it starts an embedded PostgreSQL in the data directory and
        loads the bundled example surveys, so it runs on a fresh machine with nothing else installed.

        Configuration: built-in defaults, then the YAML file given by --config or KILA_CONFIG, then these
        environment variables:

        """);
    for (ConfigOption option : ConfigOption.values()) {
      s.append(String.format("  %-32s %s%n", option.envName() + option.defaultValue().map(d -> " (" + d + ")").orElse(""),
          option.description()));
    }
    return s.toString();
  }

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    ConfiguredCommand command = ConfiguredCommand.parse(args);
    if (command.help()) {
      out.print(help());
      return 0;
    }
    if (command.unknownOption() != null || !command.positional().isEmpty()) {
      err.println("serve: unexpected argument '" + (command.unknownOption() != null
          ? command.unknownOption() : command.positional().get(0)) + "'");
      err.print(help());
      return 2;
    }
    Optional<KilaConfig> loaded = command.load(err);
    if (loaded.isEmpty()) {
      return 2;
    }
    KilaConfig config = loaded.get();
    Gateway gateway;
    try {
      gateway = Gateway.start(config);
    } catch (Exception e) {
      LOG.error("Kila could not start", e);
      err.println("Kila could not start: " + rootMessage(e));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        gateway.close();
      } catch (Exception e) {
        LOG.warn("error while stopping", e);
      }
    }, "kila-shutdown"));
    out.println();
    out.println("Kila is running on " + config.db().describe() + ", serving "
        + gateway.catalog().live().size() + " survey(s).");
    gateway.catalog().live().forEach(s -> out.println("  " + s.id() + " v" + s.version()
        + "  USSD " + s.definition().triggers().ussdCodes() + "  SMS " + s.definition().triggers().smsKeywords()));
    out.println("Admin page:  " + gateway.adminUrl());
    out.println("USSD (Africa's Talking): POST " + gateway.adminUrl().replace("/admin/", "/ussd/africastalking"));
    out.println("Stop with Ctrl+C.");
    return 0;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
