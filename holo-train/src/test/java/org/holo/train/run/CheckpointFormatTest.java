package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * checkpoint.json stores what regenerates the epoch's order, not the order: its size does not grow with the
 * data, resuming from it is byte-identical, and checkpoints that stored the order (format 1) still resume.
 */
class CheckpointFormatTest {

    /** 600 + 650 points in batches of 50: 25 steps per epoch. */
    private static final String[] SHORT = {"training.epochs=5", "data.positives=600", "data.negatives=650",
        "training.batchSize=50", "training.checkpointEvery=10", "training.seed=4"};
    private static final long STOP_AT = 2L * 25 + 13; // inside epoch 3: its order has had three shuffles

    @TempDir
    Path tmp;

    /** A run directory cut off after {@code STOP_AT} steps, as an interrupted run leaves it. */
    private static Path interrupted(Path dir, String... overrides) throws Exception {
        ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), overrides);
        Experiment e = Experiment.build(l.config(), l.baseDir());
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(RunDirectory.CONFIG), ConfigLoader.toJson(l.config()));
        Provenance.write(dir, Provenance.begin(e, "cpu", "cpu", "float64"));
        TrainingListener interrupt = new TrainingListener() {
            @Override
            public void onStepEnd(TrainingState s) {
                if (s.step == STOP_AT) {
                    s.stop("interrupted by the test");
                }
            }
        };
        TrainingRun.train(e, interrupt, dir, null);
        return dir;
    }

    @Test
    void theCheckpointDoesNotGrowWithTheData() throws Exception {
        Path small = interrupted(tmp.resolve("small"), SHORT);
        String[] tenTimes = SHORT.clone();
        tenTimes[1] = "data.positives=6000";
        tenTimes[2] = "data.negatives=6500";
        tenTimes[3] = "training.batchSize=500";
        Path large = interrupted(tmp.resolve("large"), tenTimes);
        long a = Files.size(small.resolve(Checkpoint.FILE));
        long b = Files.size(large.resolve(Checkpoint.FILE));
        assertTrue(b < a + 2000, "checkpoint of 12 500 points " + b + " bytes, of 1 250 points " + a + " bytes");
        String text = Files.readString(large.resolve(Checkpoint.FILE));
        assertFalse(text.contains("\"order\""), "no stored order");
        assertEquals(3, Checkpoint.read(large).position().shuffles());
    }

    @Test
    void aResumedRunEndsWithTheSameBytesAsAnUninterruptedOne() throws Exception {
        Path whole = tmp.resolve("whole");
        TrainingRunTest.run(TestSupport.qcdConfig(), whole, SHORT);
        Path cut = interrupted(tmp.resolve("cut"), SHORT);
        assertEquals(STOP_AT, Checkpoint.read(cut).position().step());
        TrainingRun.resume(cut, null);
        for (String f : List.of(RunDirectory.METRIC, RunDirectory.METRICS, Checkpoint.FILE)) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(cut.resolve(f)), f);
        }
    }

    @Test
    void aCheckpointThatStoredTheOrderStillResumesToTheSameBytes() throws Exception {
        Path whole = tmp.resolve("whole");
        TrainingRunTest.run(TestSupport.qcdConfig(), whole, SHORT);
        Path cut = interrupted(tmp.resolve("cut"), SHORT);
        // rewrite the checkpoint as the previous version wrote it: format 1, the permutation in "order"
        Checkpoint c = Checkpoint.read(cut);
        int[] order = c.position().orderFor(c.position().points());
        ObjectNode o = (ObjectNode) ConfigLoader.mapper().readTree(Files.readString(cut.resolve(Checkpoint.FILE)));
        o.put("format", 1);
        o.remove(List.of("shuffle_start", "shuffles", "points"));
        ArrayNode a = o.putArray("order");
        for (int v : order) {
            a.add(v);
        }
        Files.writeString(cut.resolve(Checkpoint.FILE), ConfigLoader.mapper().writeValueAsString(o) + "\n");
        assertEquals(1250, Checkpoint.read(cut).position().order().length);

        TrainingRun.resume(cut, null);
        for (String f : List.of(RunDirectory.METRIC, RunDirectory.METRICS, Checkpoint.FILE)) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(cut.resolve(f)), f);
        }
    }

    @Test
    void aDamagedShuffleRecordIsRefused() throws Exception {
        Path cut = interrupted(tmp.resolve("cut"), SHORT);
        ObjectNode o = (ObjectNode) ConfigLoader.mapper().readTree(Files.readString(cut.resolve(Checkpoint.FILE)));
        o.put("shuffles", 2);
        Files.writeString(cut.resolve(Checkpoint.FILE), ConfigLoader.mapper().writeValueAsString(o) + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.resume(cut, null));
        assertTrue(e.getMessage().contains("shuffle stream"), e.getMessage());
    }
}
