package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.RunClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario: two {@code holo train} processes on the same --out must not mix their files. */
class TrainClaimTest {

    @Test
    void theSecondOfTwoConcurrentTrainsFailsAndTheFirstRunIsIntact(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("shared");
        String[] common = {"train", Cli.qcd(), "--set", "training.epochs=25000", "--set", "data.positives=300",
            "--set", "data.negatives=300", "--out", out.toString(), "--quiet", "--no-plots"};
        Process first = HoloProcess.start(tmp.resolve("1.out"), tmp.resolve("1.err"), concat(common, "--seed", "1"));
        // start the second while the first is training (its claim exists, result.json does not yet)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out.resolve(RunClaim.FILE)) && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(out.resolve(RunClaim.FILE)) && !Files.exists(out.resolve("result.json")),
                "the first run should still be training; make it longer");
        Process second = HoloProcess.start(tmp.resolve("2.out"), tmp.resolve("2.err"), concat(common, "--seed", "2"));
        assertEquals(ExitCodes.BAD_INPUT, second.waitFor());
        assertEquals(0, first.waitFor());
        String err = Files.readString(tmp.resolve("2.err")).strip();
        assertTrue(err.startsWith("holo: output directory " + out + " is in use by another run (pid " + first.pid()), err);
        assertEquals(1, err.lines().count(), err);
        JsonNode config = ConfigLoader.mapper().readTree(out.resolve("config.json").toFile());
        JsonNode result = ConfigLoader.mapper().readTree(out.resolve("result.json").toFile());
        assertEquals(1, config.get("training").get("seed").asLong());
        assertEquals(1, result.get("seed").asLong());
        assertTrue(!Files.exists(out.resolve(RunClaim.FILE)));
        Cli.Result r = Cli.run("reproduce", out.toString(), "--out", tmp.resolve("again").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("identical"), r.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
