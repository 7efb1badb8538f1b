package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** holo modes: the modes of a run directory, the same as the run wrote, and the independent count. */
class ModesCommandTest {

    @TempDir
    Path tmp;

    @Test
    void modesOfARunAgreeWithItsOwnFilesAndTheIndependentCount() throws Exception {
        Path run = tmp.resolve("run");
        Cli.Result t = Cli.run("train", Cli.ads(), "--set", "training.epochs=2", "--set", "data.positives=200", "--set",
                "data.negatives=200", "--out", run.toString(), "--quiet", "--no-plots");
        assertEquals(0, t.exitCode(), t.err());
        String written = Files.readString(run.resolve("modes.json"));
        Path out = tmp.resolve("again");
        Cli.Result r = Cli.run("modes", run.toString(), "--check", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("directions determined by the data") && r.out().contains("the counts agree"), r.out());
        assertEquals(written, Files.readString(out.resolve("modes.json")));
        assertTrue(r.err().contains("wrote " + out.resolve("modes.json")), r.err());

        Cli.Result metricOnly = Cli.run("modes", run.toString(), "--metric-only");
        assertEquals(ExitCodes.BAD_INPUT, metricOnly.exitCode(), metricOnly.err());
        assertTrue(metricOnly.err().contains("--metric-only: give --out DIR"), metricOnly.err());
    }
}
