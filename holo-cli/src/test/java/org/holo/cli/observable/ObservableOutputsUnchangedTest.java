package org.holo.cli.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.holo.cli.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code holo predict} and {@code holo potential} write, byte for byte, what the commands wrote before the observables
 * moved into holo-train (src/test/resources/golden, produced at commit 8d8203f from the v1 run fixtures). The
 * placeholders @RUN@, @OUT@, @DATASETS@ and @POINTS@ stand for the machine-dependent absolute paths.
 */
class ObservableOutputsUnchangedTest {

    static final Path GOLDEN = Cli.projectRoot().resolve("holo-cli/src/test/resources/golden");
    static final Path FIXTURES = Cli.projectRoot().resolve("holo-train/src/test/resources/fixtures/v1");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("predict-paper-qcd", "paper-qcd-seed1", List.of("predict", "@RUN@")),
                Arguments.of("potential-paper-qcd", "paper-qcd-seed1", List.of("potential", "@RUN@")),
                Arguments.of("predict-rk4-grids", "qcd-rk4-seed1",
                        List.of("predict", "@RUN@", "--mq", "0:0.02:8", "--condensate", "0:0.15:600", "--out", "@OUT@")),
                Arguments.of("potential-rk4-gads", "qcd-rk4-seed1", List.of("potential", "@RUN@", "--split", "g=ads", "--out", "@OUT@")),
                Arguments.of("potential-robust-ads-s", "robust-ads-s-seed1", List.of("potential", "@RUN@")),
                Arguments.of("potential-ads-schwarzschild", null, List.of("potential", "--metric", "ads-schwarzschild:d=4", "--out", "@OUT@")),
                Arguments.of("potential-ads5", null, List.of("potential", "--metric", "ads:d=5", "--out", "@OUT@")),
                Arguments.of("predict-paper-qcd-lattice", "paper-qcd-seed1", List.of("predict", "@RUN@", "--lattice", "@POINTS@",
                        "--out", "@OUT@", "--mq", "0:0.022:11", "--condensate", "0:0.2:400")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheSameBytes(String name, String fixture, List<String> args, @TempDir Path tmp) throws IOException {
        Path run = fixture == null ? tmp.resolve("no-run") : relocated(FIXTURES.resolve(fixture), tmp.resolve(fixture));
        Path out = tmp.resolve("out");
        Paths paths = new Paths(run.toAbsolutePath().normalize().toString(), out.toString(),
                Cli.projectRoot().resolve("datasets").toAbsolutePath().toString(), GOLDEN.resolve("points.csv").toString());
        List<String> argv = new ArrayList<>();
        args.forEach(a -> argv.add(paths.expand(a)));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out(), "results go to files");

        Path expected = GOLDEN.resolve(name);
        Path written = args.contains("@OUT@") ? out : run;
        List<Path> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 3, "golden files missing under " + expected);
        for (Path f : files) {
            String file = f.getFileName().toString();
            String want = paths.expand(Files.readString(f));
            String got = file.equals("stderr.txt") ? r.err() : Files.readString(written.resolve(file));
            assertEquals(want, got, name + ": " + file);
        }
    }

    private record Paths(String run, String out, String datasets, String points) {
        String expand(String s) {
            return s.replace("@RUN@", run).replace("@OUT@", out).replace("@DATASETS@", datasets).replace("@POINTS@", points);
        }
    }

    /** A copy of a fixture whose config names this checkout's datasets/ instead of the writer's absolute path. */
    private static Path relocated(Path fixture, Path to) throws IOException {
        Files.createDirectories(to);
        Path datasets = Cli.projectRoot().resolve("datasets");
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f).replaceAll("\"/[^\"]*/datasets/", "\"" + datasets.toAbsolutePath() + "/");
                Files.writeString(to.resolve(f.getFileName()), text);
            }
        }
        return to;
    }
}
