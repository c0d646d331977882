package io.ptosim.properties.run;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.TraceSink;
import java.nio.charset.StandardCharsets;

/**
 * Folds every canonical line (plus newline) into a SHA-256, as the trace recorder does. A run that
 * the invariant monitor stops with an exception returns no report, hence no trace hash; this sink
 * still has one, so corpus entries of such runs pin their trace too.
 */
final class HashingTrace implements TraceSink {
  private final Hasher hasher = Hashing.sha256().newHasher();

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    hasher.putString(line, StandardCharsets.UTF_8).putByte((byte) '\n');
  }

  String hash() {
    return hasher.hash().toString();
  }
}
