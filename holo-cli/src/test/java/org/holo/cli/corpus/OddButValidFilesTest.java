package org.holo.cli.corpus;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.holo.core.data.LabelledData;
import org.holo.core.data.NumericTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files as they come from editors, spreadsheets and other operating systems (corpus/valid: \r\n and \r-only line
 * endings, a UTF-8 byte-order mark, no final newline, # comments, blank lines, spaces and tabs around fields,
 * reordered columns) load to exactly the numbers of the clean file, and runs on them give byte-identical output.
 */
class OddButValidFilesTest {

    private static final List<String> POINT_COLUMNS = List.of("m_q_GeV", "condensate_GeV3");
    private static final List<String> TRAINING_COLUMNS = List.of("m_q_GeV", "condensate_GeV3", "label");

    private static byte[] cleanGenerated;
    private static byte[] cleanMetric;
    private static String cleanMetrics;

    @TempDir
    Path tmp;

    static List<String> bandFiles() throws IOException {
        return oddFiles("band");
    }

    static List<String> csvFiles() throws IOException {
        return oddFiles("csv");
    }

    private static List<String> oddFiles(String dir) throws IOException {
        try (Stream<Path> s = Files.list(CorpusCli.corpus().resolve("valid").resolve(dir))) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("clean.csv")).sorted()
                    .collect(Collectors.toList());
            assertTrue(names.size() >= 10, "odd files in valid/" + dir + ": " + names);
            return names;
        }
    }

    private static Path valid(String dir, String name) {
        return CorpusCli.corpus().resolve("valid").resolve(dir).resolve(name);
    }

    private static NumericTable read(Path file, List<String> columns) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return NumericTable.read(r, file.toString(), columns);
        }
    }

    private static void assertSameNumbers(NumericTable clean, NumericTable odd, String what) {
        assertEquals(clean.rows(), odd.rows(), what + ": number of rows");
        for (String c : clean.columns()) {
            // bit for bit: assertArrayEquals on double[] compares with Double.equals semantics
            assertArrayEquals(clean.column(c), odd.column(c), what + ": column " + c);
        }
    }

    @BeforeAll
    static void cleanRuns(@TempDir Path dir) throws IOException {
        Path corpus = CorpusCli.corpus();
        Path generated = dir.resolve("clean.csv");
        Cli.Result g = Cli.run("generate", corpus.resolve("base/band.json").toString(),
                "--set", "data.dataset=" + valid("band", "clean.csv"), "--out", generated.toString());
        assertEquals(0, g.exitCode(), g.err());
        cleanGenerated = Files.readAllBytes(generated);

        Path run = dir.resolve("clean-run");
        Cli.Result t = Cli.run("train", "--quiet", corpus.resolve("base/csv-qcd.json").toString(),
                "--set", "data.file=" + valid("csv", "clean.csv"), "--out", run.toString());
        assertEquals(0, t.exitCode(), t.err());
        cleanMetric = Files.readAllBytes(run.resolve("metric.csv"));
        cleanMetrics = Files.readString(run.resolve("metrics.jsonl"));
    }

    @ParameterizedTest(name = "band dataset {0}")
    @MethodSource("bandFiles")
    void oddBandDatasetsGiveTheSamePointsAndTheSameSampledData(String name) throws IOException {
        NumericTable clean = read(valid("band", "clean.csv"), POINT_COLUMNS);
        assertEquals(6, clean.rows());
        assertSameNumbers(clean, read(valid("band", name), POINT_COLUMNS), name);

        Path generated = tmp.resolve("odd.csv");
        Cli.Result g = Cli.run("generate", CorpusCli.corpus().resolve("base/band.json").toString(),
                "--set", "data.dataset=" + valid("band", name), "--out", generated.toString());
        assertEquals(0, g.exitCode(), g.err());
        assertArrayEquals(cleanGenerated, Files.readAllBytes(generated), name + ": generated data differ from the clean file's");
    }

    @ParameterizedTest(name = "training data {0}")
    @MethodSource("csvFiles")
    void oddTrainingDataGiveTheSameDataAndTheSameRun(String name) throws IOException {
        NumericTable clean = read(valid("csv", "clean.csv"), TRAINING_COLUMNS);
        NumericTable odd = read(valid("csv", name), TRAINING_COLUMNS);
        assertEquals(20, clean.rows());
        assertSameNumbers(clean, odd, name);
        LabelledData a = LabelledData.fromTable(clean, POINT_COLUMNS);
        LabelledData b = LabelledData.fromTable(odd, POINT_COLUMNS);
        assertEquals(a.toCsv(), b.toCsv(), name);

        Path run = tmp.resolve("run");
        Cli.Result t = Cli.run("train", "--quiet", CorpusCli.corpus().resolve("base/csv-qcd.json").toString(),
                "--set", "data.file=" + valid("csv", name), "--out", run.toString());
        assertEquals(0, t.exitCode(), t.err());
        assertArrayEquals(cleanMetric, Files.readAllBytes(run.resolve("metric.csv")), name + ": metric.csv differs from the clean run's");
        assertEquals(cleanMetrics, Files.readString(run.resolve("metrics.jsonl")), name + ": metrics.jsonl differs");
    }

    @Test
    void theCleanFilesAreTheCorpusBaseFiles() throws IOException {
        // valid/*/clean.csv are byte copies of the base files the malformed cases are derived from
        assertArrayEquals(Files.readAllBytes(CorpusCli.corpus().resolve("base/lattice.csv")),
                Files.readAllBytes(valid("band", "clean.csv")));
        assertArrayEquals(Files.readAllBytes(CorpusCli.corpus().resolve("base/training-qcd.csv")),
                Files.readAllBytes(valid("csv", "clean.csv")));
    }
}
