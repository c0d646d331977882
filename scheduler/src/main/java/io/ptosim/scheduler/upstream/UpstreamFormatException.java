package io.ptosim.scheduler.upstream;

/**
 * An upstream artifact that cannot be read: the message is one line naming the file kind and the
 * place (a JSON pointer such as {@code /tasks/3/task_id}, or a line number of a JSONL file).
 */
public final class UpstreamFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public UpstreamFormatException(String message) {
    super(message);
  }
}
