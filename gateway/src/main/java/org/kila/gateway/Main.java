package org.kila.gateway;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.kila.gateway.cli.ExportCommand;
import org.kila.gateway.cli.InviteCommand;
import org.kila.gateway.cli.ServeCommand;
import org.kila.gateway.cli.ValidateCommand;

/** Entry point of the runnable jar: subcommands serve (the default), validate, export and invite. */
public final class Main {
  static final String HELP = """
      Kila: surveys over USSD and SMS for people on basic phones.

      Usage: java -jar kila-gateway.jar [COMMAND] [OPTIONS]

      Commands:
        serve                 start the gateway (the default); see 'serve --help' for configuration
        validate FILE...      check survey definitions, print every problem with its field path
        export SURVEY_ID      write a survey's responses as CSV on standard output
        invite SURVEY_ID FILE.csv  queue SMS invitations to a survey for the numbers of a CSV file

      Each command takes --help.
      """;

  private Main() {}

  public static void main(String[] args) {
    int code = run(Arrays.asList(args), System.out, System.err);
    if (code != 0 || (args.length > 0 && !args[0].equals("serve"))) {
      System.exit(code);
    }
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      return ServeCommand.run(List.of(), out, err);
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    return switch (command) {
      case "serve" -> ServeCommand.run(rest, out, err);
      case "validate" -> ValidateCommand.run(rest, out, err);
      case "export" -> ExportCommand.run(rest, out, err);
      case "invite" -> InviteCommand.run(rest, out, err);
      case "--help", "-h", "help" -> {
        out.print(HELP);
        yield 0;
      }
      default -> {
        if (command.startsWith("-")) {
          yield ServeCommand.run(args, out, err);
        }
        err.println("unknown command '" + command + "'");
        err.print(HELP);
        yield 2;
      }
    };
  }
}
