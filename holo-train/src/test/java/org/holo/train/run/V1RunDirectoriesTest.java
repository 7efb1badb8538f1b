package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run directories written by Holo v1 (src/test/resources/fixtures/v1, see its README) re-run to the same numbers:
 * every result.json field but timing, and the bytes of metric.csv and metrics.jsonl.
 */
class V1RunDirectoriesTest {

    static final Path FIXTURES = TestSupport.projectRoot().resolve("holo-train/src/test/resources/fixtures/v1");

    static Stream<String> runs() throws IOException {
        try (Stream<Path> s = Files.list(FIXTURES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void reproducesIdentical(String name, @TempDir Path tmp) throws IOException {
        Path run = relocated(FIXTURES.resolve(name), tmp.resolve(name));
        Reproduction.rerun(run, tmp.resolve("rerun"));
        assertEquals(List.of(), Reproduction.diff(run, tmp.resolve("rerun")), name);
    }

    @Test
    void aChangedNumberIsADifference(@TempDir Path tmp) throws IOException {
        Path run = relocated(FIXTURES.resolve("robust-ads-s-seed1"), tmp.resolve("run"));
        Path copy = relocated(FIXTURES.resolve("robust-ads-s-seed1"), tmp.resolve("copy"));
        String csv = Files.readString(copy.resolve(RunDirectory.METRIC));
        int comma = csv.indexOf(',', csv.indexOf('\n'));
        Files.writeString(copy.resolve(RunDirectory.METRIC), csv.substring(0, comma + 1) + "9" + csv.substring(comma + 2));
        assertFalse(Reproduction.diff(run, copy).isEmpty());
    }

    @Test
    void coversEveryFixture() throws IOException {
        assertTrue(runs().count() >= 5, "fixtures missing under " + FIXTURES);
    }

    /** A copy of a fixture whose config names this checkout's datasets/ instead of the writer's absolute path. */
    static Path relocated(Path fixture, Path to) throws IOException {
        Files.createDirectories(to);
        Path datasets = TestSupport.projectRoot().resolve("datasets");
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f).replaceAll("\"/[^\"]*/datasets/", "\"" + datasets.toAbsolutePath() + "/");
                Files.writeString(to.resolve(f.getFileName()), text);
            }
        }
        return to;
    }
}
