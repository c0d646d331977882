package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ptosim explore} on a small campaign: the same --json twice and with --jobs 2, shards merged
 * equal to the unsharded report, each shard's report file in its --out, progress on stderr, and a
 * fault campaign whose printed replay command replays.
 */
class ExploreCommandTest {
  @TempDir Path dir;

  private Cli explore(String out, String... more) {
    String[] base = {"explore", "--programs", "9", "--seed", "4", "--json", "--out", dir.resolve(out).toString()};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }

  @Test
  void deterministicAcrossRunsJobsAndShards() throws IOException {
    Cli first = explore("a");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("explore: 9/9 programs").contains("programs/s").doesNotContain("\r");
    assertThat(first.out()).doesNotContain("programs/s");
    assertThat(explore("b").out()).isEqualTo(first.out());
    assertThat(explore("c", "--jobs", "2").out()).isEqualTo(first.out());
    assertThat(Files.readString(dir.resolve("a/explore-report.json"))).isEqualTo(first.out());
    for (int i = 1; i <= 3; i++) {
      Cli shard = explore("s" + i, "--shard", i + "/3");
      assertThat(shard.exit()).isZero();
      assertThat(Json.parse(shard.out()).get("explored").asInt()).isEqualTo(3);
    }
    Cli merged = Cli.run("explore", "--json", "--merge", dir.resolve("s2").toString(), dir.resolve("s1").toString(),
        dir.resolve("s3/explore-report.json").toString());
    assertThat(merged.exit()).as(merged.err()).isZero();
    assertThat(merged.out()).isEqualTo(first.out());
    JsonNode r = Json.parse(first.out());
    assertThat(r.get("explored").asInt()).isEqualTo(9);
    assertThat(r.get("results").get("checker-agreement").get("checked").asInt()).isEqualTo(9);
  }

  @Test
  void aFaultCampaignPrintsAReplayCommandThatReplays() {
    Cli r = Cli.run("explore", "--programs", "3", "--seed", "1", "--fault", "publish-hidden-alloc", "--property", "completion",
        "--out", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    String line = r.out().lines().filter(l -> l.contains("ptosim replay ")).findFirst().orElseThrow();
    String file = line.substring(line.indexOf("ptosim replay ") + "ptosim replay ".length()).strip();
    assertThat(r.err()).contains("counterexample of 1 tasks");
    Cli replay = Cli.run("replay", file);
    assertThat(replay.exit()).as(replay.out()).isZero();
    assertThat(replay.out()).contains("INVARIANT_VIOLATION");
  }

  @Test
  void aTimeBoundedCampaignReportsWhatItReached() {
    Cli r = Cli.run("explore", "--for", "2s", "--seed", "4", "--json", "--property", "completion", "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = Json.parse(r.out());
    assertThat(report.get("explored").asLong()).isPositive().isEqualTo(report.get("programs").asLong());
    assertThat(r.err()).contains("programs in");
  }

  @Test
  void badFlagsAreOneLineErrors() {
    assertThat(Cli.run("explore", "--shard", "4/3").err()).contains("--shard: shard must be i/n with 1 <= i <= n: 4/3");
    Cli both = Cli.run("explore", "--programs", "3", "--for", "10s");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--programs and --for exclude each other");
    Cli prop = Cli.run("explore", "--json", "--property", "nope", "--out", dir.toString());
    assertThat(prop.exit()).isEqualTo(2);
    assertThat(Json.parse(prop.out()).get("error").asText()).startsWith("--property: unknown property 'nope'");
    assertThat(Cli.run("explore", "--runtime", "v9", "--out", dir.toString()).err()).contains("unknown runtime version 'v9'");
    assertThat(Cli.run("explore", "--for", "soon").err()).contains("--for soon: not a duration");
    Cli missing = Cli.run("explore", "--merge", dir.resolve("none").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }
}
