package org.holo.train.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.Checkpoint;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL mid-training and resumed from its checkpoint must end byte-identical to a run that
 * was never interrupted (metric.csv, metrics.jsonl and the final checkpoint), and leave only complete files.
 */
class ResumeAfterKillTest {

    static final Path QCD = Paths.get("../experiments/hstt2018-qcd.json");
    // long enough (100k steps) that the kill lands mid-run; checkpoints every 1000 steps
    static final List<String> SHORT = List.of("data.positives=1000", "data.negatives=1000", "training.epochs=5000",
            "training.checkpointEvery=1000", "training.seed=3");

    @Test
    void killedRunResumesToTheSameBytesAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path reference = tmp.resolve("reference");
        ConfigLoader.Loaded loaded = ConfigLoader.load(QCD, SHORT);
        TrainingRun.execute(loaded.config(), loaded.baseDir(), reference, null);

        Path killed = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrainMain.class.getName(), QCD.toString(), killed.toString()));
        cmd.addAll(SHORT);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Checkpoint.exists(killed) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the child finished or died before its first checkpoint: " + Files.readString(tmp.resolve("child.log")));
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no cleanup
        p.waitFor(30, TimeUnit.SECONDS);

        assertFalse(Files.exists(killed.resolve(RunDirectory.RESULT)), "the kill must land mid-run");
        long killedAt = Checkpoint.read(killed).position().step();
        assertTrue(killedAt > 0 && killedAt < 100_000, "checkpoint step " + killedAt);
        // only complete files: every file parses, no temporary leftovers
        try (Stream<Path> files = Files.list(killed)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                assertFalse(f.getFileName().toString().endsWith(".tmp"), "temporary file left: " + f);
                ConfigLoader.mapper().readTree(Files.readString(f));
            }
        }

        TrainingRun.resume(killed, null);
        for (String f : List.of(RunDirectory.METRIC, RunDirectory.METRICS, Checkpoint.FILE)) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
        JsonNode a = ConfigLoader.mapper().readTree(reference.resolve(RunDirectory.RESULT).toFile());
        JsonNode b = ConfigLoader.mapper().readTree(killed.resolve(RunDirectory.RESULT).toFile());
        for (String field : List.of("loss", "h", "L_GeV_inv", "lambda", "steps", "converged")) {
            assertEquals(a.get(field), b.get(field), field);
        }
        JsonNode provenance = ConfigLoader.mapper().readTree(killed.resolve("provenance.json").toFile());
        assertEquals(killedAt, provenance.get("resumed").get(0).get("from_step").asLong());
    }

    @Test
    void aCompleteRunIsNotResumed(@TempDir Path tmp) throws Exception {
        ConfigLoader.Loaded loaded = ConfigLoader.load(QCD, List.of("data.positives=200", "data.negatives=200", "training.epochs=2"));
        TrainingRun.execute(loaded.config(), loaded.baseDir(), tmp.resolve("done"), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.resume(tmp.resolve("done"), null));
        assertTrue(e.getMessage().contains("complete"), e.getMessage());
    }

    @Test
    void aChangedInputFileIsDetectedOnResume(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("lattice.csv");
        Files.copy(Paths.get("../datasets/lattice-chiral-condensate.csv"), data);
        ConfigLoader.Loaded loaded = ConfigLoader.load(QCD, List.of("data.positives=200", "data.negatives=200",
                "training.epochs=3", "data.dataset=" + data.toAbsolutePath()));
        Path run = tmp.resolve("run");
        TrainingRun.execute(loaded.config(), loaded.baseDir(), run, null);
        Files.delete(run.resolve(RunDirectory.RESULT)); // pretend it was interrupted after its final checkpoint
        Files.writeString(data, Files.readString(data).replace("0.006323923", "0.006423923"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.resume(run, null));
        assertTrue(e.getMessage().contains("input file changed"), e.getMessage());
        assertTrue(new File(run.toFile(), Checkpoint.FILE).isFile());
    }
}
