package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** holo reproduce: identical is exit 0, a difference its own exit code (not 1, which is an internal error). */
class ReproduceCommandTest {

    static final Path FIXTURE = Cli.projectRoot().resolve("holo-train/src/test/resources/fixtures/v1/ads-s-mse-seed2");

    @Test
    void identicalAndDifferentRuns(@TempDir Path tmp) throws Exception {
        Path run = copy(FIXTURE, tmp.resolve("run"));
        Cli.Result same = Cli.run("reproduce", run.toString(), "--out", tmp.resolve("again").toString());
        assertEquals(ExitCodes.OK, same.exitCode(), same.err());
        assertEquals("identical", same.out().strip());

        Path changed = copy(FIXTURE, tmp.resolve("changed"));
        String result = Files.readString(changed.resolve("result.json"));
        String lambda = result.substring(result.indexOf("\"lambda\""), result.indexOf(',', result.indexOf("\"lambda\"")));
        Files.writeString(changed.resolve("result.json"), result.replace(lambda, "\"lambda\" : 1.5"));
        Cli.Result diff = Cli.run("reproduce", changed.toString(), "--out", tmp.resolve("again2").toString());
        assertEquals(ExitCodes.RESULTS_DIFFER, diff.exitCode(), diff.err());
        assertTrue(diff.out().startsWith("different (1 fields):") && diff.out().contains("result.lambda: 1.5 -> 1.0"), diff.out());
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
