package org.holo.train.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.holo.train.TestSupport;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingState;
import org.holo.train.run.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A meson-spectrum run interrupted at a checkpoint and resumed ends bit for bit where an uninterrupted run ends. */
class SpectralResumeTest {

    @TempDir
    Path tmp;

    @Test
    void resumedEqualsUninterrupted() throws Exception {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve("ahs2020-mesons.json");
        SpectralExperiment e = SpectralExperiment.build(SpectralConfigs.load(file,
                List.of("model.points=80", "training.epochs=60", "training.decayEpochs=30", "training.checkpointEvery=0")).config());
        SpectralRun.Outcome whole = SpectralRun.train(e, null);
        // killed after step 37 (inside the decay): the checkpoint written when the loop ends holds that position
        TrainingListener kill = new TrainingListener() {
            @Override
            public void onStepEnd(TrainingState s) {
                if (s.step == 37) {
                    s.stop("killed");
                }
            }
        };
        SpectralRun.train(e, kill, tmp, null);
        Checkpoint c = Checkpoint.read(tmp);
        assertEquals(37, c.position().step());
        SpectralRun.Outcome resumed = SpectralRun.train(e, null, null, c);
        assertArrayEquals(whole.params(), resumed.params());
        assertEquals(whole.loss(), resumed.loss());
        assertEquals(whole.metricsLog(), resumed.metricsLog());
        assertEquals(60, resumed.steps());
    }
}
