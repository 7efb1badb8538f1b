package org.holo.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.holo.cli.Cli;
import org.holo.core.data.NumericTable;
import org.holo.train.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs too large or too odd to keep in the corpus, made on the spot: a config over the size limit, a data line
 * over the line limit, FIFOs where a config or data file should be. Each is one line on stderr and exit 2,
 * without waiting (a FIFO has no writer), a stack trace or "internal error".
 */
class PathologicalInputTest {

    @TempDir
    Path tmp;

    private static void rejected(List<String> keywords, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (all.get(0).equals("train")) {
            all.add(1, "--quiet");
        }
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run(all.toArray(new String[0])));
        String err = r.err().strip();
        String context = "holo " + String.join(" ", all) + "\nstderr: " + (err.length() > 2000 ? err.substring(0, 2000) : err);
        assertEquals(2, r.exitCode(), context);
        assertTrue(err.startsWith("holo: ") && !err.contains("\n"), "one line\n" + context);
        assertFalse(err.contains("internal error") || err.contains("Exception") || err.contains("\tat "), context);
        assertTrue(err.length() < 1000, "a readable message, not the input: " + err.length() + " characters");
        for (String k : keywords) {
            assertTrue(err.contains(k), "the message should mention '" + k + "'\n" + context);
        }
    }

    @Test
    void aConfigOverTheSizeLimit() throws IOException {
        Path config = tmp.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(config)) {
            out.write("{\"name\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] x = new byte[1 << 20];
            Arrays.fill(x, (byte) 'x');
            for (long n = 0; n <= ConfigLoader.MAX_BYTES; n += x.length) {
                out.write(x);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
        rejected(List.of(config.toString(), "too large for a config"), "train", config.toString(), "--out", tmp.resolve("out").toString());
        rejected(List.of(config.toString(), "too large for a config"), "config", "validate", config.toString());
    }

    @Test
    void aDataLineOverTheLineLimit() throws IOException {
        Path data = tmp.resolve("long-line.csv");
        Files.copy(CorpusCli.corpus().resolve("base/training-qcd.csv"), data);
        try (OutputStream out = Files.newOutputStream(data, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] digits = new byte[1 << 20];
            Arrays.fill(digits, (byte) '1');
            out.write(digits);
            out.write(digits);
            out.write(",1,0\n".getBytes(StandardCharsets.US_ASCII));
        }
        int line = (int) Files.readString(CorpusCli.corpus().resolve("base/training-qcd.csv")).lines().count() + 1;
        rejected(List.of(data + ":" + line + ":", "longer than " + NumericTable.MAX_LINE), "train",
                CorpusCli.corpus().resolve("base/csv-qcd.json").toString(), "--set", "data.file=" + data,
                "--out", tmp.resolve("out").toString());
    }

    @Test
    void fifosInsteadOfFiles() throws Exception {
        Path fifo = tmp.resolve("pipe.csv");
        Path fifoConfig = tmp.resolve("pipe.json");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString(), fifoConfig.toString()).inheritIO().start().waitFor() == 0;
        assumeTrue(made, "mkfifo is not available");
        rejected(List.of(fifo.toString(), "not a regular file"), "train", CorpusCli.corpus().resolve("base/csv-qcd.json").toString(),
                "--set", "data.file=" + fifo, "--out", tmp.resolve("out").toString());
        rejected(List.of(fifo.toString(), "not a regular file"), "train", CorpusCli.corpus().resolve("base/band.json").toString(),
                "--set", "data.dataset=" + fifo, "--out", tmp.resolve("out").toString());
        rejected(List.of(fifoConfig.toString(), "not a regular file"), "train", fifoConfig.toString(),
                "--out", tmp.resolve("out").toString());
    }
}
