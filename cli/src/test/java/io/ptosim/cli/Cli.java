package io.ptosim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process invocation of the command line, with its captured streams. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PtosimMain.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }
}
