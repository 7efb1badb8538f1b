package org.holo.cli.ensemble;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code holo bench} on a small grid: a table with the machine and versions. */
class BenchCommandTest {

    @Test
    void printsATable() throws IOException {
        Cli.Result r = Cli.run("bench", "--quick", "--batches", "1,10", "--layers", "15", "--members", "1,3");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        Properties pinned = new Properties();
        try (InputStream in = BenchCommandTest.class.getResourceAsStream("/org/holo/train/versions.properties")) {
            pinned.load(in);
        }
        String versions = "DJL " + pinned.getProperty("djl.version") + ", PyTorch " + pinned.getProperty("pytorch.version");
        assertTrue(versions.matches("DJL [0-9][^$]*, PyTorch [0-9][^$]*"), "the build filtered the versions resource: " + versions);
        assertTrue(out.contains("# machine: ") && out.contains("# java: ") && out.contains("pinned " + versions), out);
        assertTrue(out.contains("djl backend: device cpu, dtype float64, " + versions + " ("), "the engine that runs is the pinned one: " + out);
        assertTrue(out.contains("backend layers  batch members      us/step"), out);
        long rows = Arrays.stream(out.split("\n")).filter(l -> l.matches("(cpu|djl)\\s+15\\s+(1|10)\\s+(1|3)\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9]+")).count();
        assertEquals(8, rows, out);
    }

    @Test
    void aMissingGpuIsAnError() {
        Cli.Result r = Cli.run("bench", "--device", "gpu", "--backends", "djl");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("no GPU is visible to DJL"), r.err());
    }
}
