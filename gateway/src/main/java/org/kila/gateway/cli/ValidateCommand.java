package org.kila.gateway.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kila.survey.Surveys;
import org.kila.survey.render.ChannelProfile;
import org.kila.survey.validate.Problem;

/** {@code validate FILE...}: checks survey definitions and prints every problem with its field path. */
public final class ValidateCommand {
  public static final String HELP = """
      Usage: kila validate [--ussd-limit N] FILE...

      Checks each survey definition (JSON) and prints every problem with its field path, e.g.
        youth.json: questions[3].choices[0].value: duplicate choice value "yes"
      Warnings (e.g. a question that costs several SMS segments) are printed but do not fail the check.
      Exits 0 when every file is valid, 1 when any problem is found, 2 on a usage error.

        --ussd-limit N   the USSD screen budget to check against (default 160, at most 182)
      """;

  private ValidateCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    int limit = 160;
    List<String> files = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        out.print(HELP);
        return 0;
      } else if (a.equals("--ussd-limit")) {
        if (i + 1 >= args.size()) {
          err.println("--ussd-limit needs a number");
          return 2;
        }
        try {
          limit = Integer.parseInt(args.get(++i));
        } catch (NumberFormatException e) {
          err.println("--ussd-limit must be a whole number, got '" + args.get(i) + "'");
          return 2;
        }
      } else {
        files.add(a);
      }
    }
    if (files.isEmpty()) {
      err.print(HELP);
      return 2;
    }
    ChannelProfile profile;
    try {
      profile = ChannelProfile.ussd(limit);
    } catch (IllegalArgumentException e) {
      err.println("--ussd-limit: " + e.getMessage());
      return 2;
    }
    int bad = 0;
    for (String file : files) {
      Surveys.Loaded checked = check(Path.of(file), profile);
      checked.warnings().forEach(w -> out.println(file + ": warning: " + w));
      if (checked.problems().isEmpty()) {
        out.println(file + ": ok");
      } else {
        bad++;
        checked.problems().forEach(p -> out.println(file + ": " + p));
      }
    }
    if (bad > 0) {
      out.println(bad + " of " + files.size() + " file(s) have problems");
    }
    return bad == 0 ? 0 : 1;
  }

  private static Surveys.Loaded check(Path file, ChannelProfile profile) {
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      return unreadable("is not valid UTF-8");
    } catch (IOException e) {
      return unreadable("cannot be read: " + e.getMessage());
    }
    return Surveys.load(json, profile);
  }

  private static Surveys.Loaded unreadable(String why) {
    return new Surveys.Loaded(null, List.of(new Problem("(file)", why)), List.of());
  }
}
