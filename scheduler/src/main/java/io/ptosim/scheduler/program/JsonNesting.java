package io.ptosim.scheduler.program;

/**
 * Where a JSON text first nests deeper than a limit. Jackson refuses such a document without a
 * location; the readers name the line themselves so that the error still says where.
 */
public final class JsonNesting {
  private JsonNesting() {}

  /** The 1-based line on which {@code text} first opens more than {@code maxDepth} arrays or objects, or -1. */
  public static int lineBeyond(String text, int maxDepth) {
    int depth = 0;
    int line = 1;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > maxDepth) {
          return line;
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return -1;
  }

  /** A one-line message for a nesting-depth refusal of {@code text}. */
  public static String message(String text, int maxDepth) {
    int line = lineBeyond(text, maxDepth);
    return "JSON syntax error" + (line > 0 ? " at line " + line : "") + ": nested deeper than " + maxDepth + " arrays or objects";
  }
}
