package org.holo.cli.ensemble;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code holo bench} on a small grid: a table with the machine and versions. */
class BenchCommandTest {

    @Test
    void printsATable() throws IOException {
        Cli.Result r = Cli.run("bench", "--quick", "--batches", "1,10", "--layers", "15", "--members", "1,3", "--threads", "1,2");
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
        assertTrue(out.contains("backend scheme layers  batch members threads    us/step us/member-step cpu-us/m-step  member-steps/s kflop/step  GFLOP/s"), out);
        String number = "\\s+[0-9.]+";
        // cpu: members 1 on one thread, members 3 on one and on two threads; djl: every ensemble in one call
        long cpu = Arrays.stream(out.split("\n")).filter(l -> l.matches("cpu\\s+euler\\s+15\\s+(1|10)\\s+(1\\s+1|3\\s+1|3\\s+2)" + number.repeat(7))).count();
        long djl = Arrays.stream(out.split("\n")).filter(l -> l.matches("djl\\s+euler\\s+15\\s+(1|10)\\s+(1|3)\\s+1" + number.repeat(7))).count();
        assertEquals(6, cpu, out);
        assertEquals(4, djl, out);
        // the euler QCD step at batch 10: 10 × (29 + 15·11 + 30 + 4) flops forward, at most 10 × (7 + 15·17 + 48) back
        for (String l : out.split("\n")) {
            if (l.matches("cpu\\s+euler\\s+15\\s+10\\s.*")) {
                double kflop = Double.parseDouble(l.trim().split("\\s+")[10]);
                assertTrue(kflop >= 2.2 && kflop <= 5.4, l); // printed to 0.1 kflop
            }
        }
    }

    @Test
    void aMissingGpuIsAnError() {
        Cli.Result r = Cli.run("bench", "--device", "gpu", "--backends", "djl");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("no GPU is visible to DJL"), r.err());
    }

    /** {@code --run}: a finished run's model, trained parameters and training data. */
    @Test
    void timesTheStepOfAFinishedRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path dir = tmp.resolve("run");
        Cli.Result train = Cli.run("train", Cli.qcd(), "--set", "training.epochs=1", "--set", "data.positives=300",
                "--set", "data.negatives=300", "--out", dir.toString(), "--quiet", "--no-plots");
        assertEquals(0, train.exitCode(), train.err());
        Cli.Result r = Cli.run("bench", "--run", dir.toString(), "--quick", "--backends", "cpu", "--members", "1,2",
                "--threads", "1,2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("at its trained parameters on batches of 100 of its 600 training points"), r.out());
        List<String> rows = Arrays.stream(r.out().split("\n"))
                .filter(l -> l.matches("cpu\\s+euler\\s+15\\s+100\\s+(1\\s+1|2\\s+1|2\\s+2)(\\s+[0-9.]+){7}")).toList();
        assertEquals(3, rows.size(), r.out());
        for (String l : rows) {
            double kflop = Double.parseDouble(l.trim().split("\\s+")[10]);
            // 100 × (29 + 15·11 + 30 + 4) forward, at most 100 × (7 + 15·17 + 48) back
            assertTrue(kflop >= 22.8 && kflop <= 53.8, l);
        }
    }
}
