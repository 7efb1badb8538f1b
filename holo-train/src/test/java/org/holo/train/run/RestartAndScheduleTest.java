package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.model.Objective;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingSchedule;
import org.holo.train.loop.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** training.restart, regularisationWarmup and decayEpochs: what they do, and that a resumed run repeats them exactly. */
class RestartAndScheduleTest {

    /** 2000 + 2050 points in batches of 100: 41 steps per epoch. */
    private static final int STEPS_PER_EPOCH = 41;

    /** Every attempt is judged at its epoch 2; dataLossAbove −1 makes every judgement a restart. */
    private static final String[] ALWAYS_RESTART = {"training.epochs=6", "data.positives=2000", "data.negatives=2050",
        "training.batchSize=100", "training.seed=2", "training.checkpointEvery=30",
        "training.restart.maxRestarts=2", "training.restart.afterEpochs=2", "training.restart.dataLossAbove=-1",
        "training.regularisationWarmup=1", "training.decayEpochs=3", "training.finalLearningRate=1e-5"};

    @TempDir
    Path tmp;

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void eachRestartStartsAFullAttemptFromItsOwnInitialWeights() throws Exception {
        Path out = tmp.resolve("restarts");
        RunResult r = TrainingRunTest.run(TestSupport.qcdConfig(), out, ALWAYS_RESTART);
        assertEquals(2, r.restarts());
        // two judged attempts of 2 epochs each, then the last attempt runs all 6
        assertEquals(10, r.epochs());
        assertEquals(10L * STEPS_PER_EPOCH, r.steps());
        List<String> lines = Files.readAllLines(out.resolve(RunDirectory.METRICS));
        assertEquals(10, lines.size());
        assertFalse(lines.get(1).contains("attempt"));
        assertTrue(lines.get(2).contains("\"attempt\":1") && lines.get(3).contains("\"attempt\":1"), lines.get(2));
        assertTrue(lines.get(4).contains("\"attempt\":2") && lines.get(9).contains("\"attempt\":2"), lines.get(9));
        assertEquals(2, TrainingRunTest.json(out.resolve(RunDirectory.RESULT)).get("restarts").asInt());

        // the restart draws differ from the run's own initial weights and from each other
        Experiment e = Experiment.build(TestSupport.load(TestSupport.qcdConfig(), ALWAYS_RESTART).config(),
                TestSupport.qcdConfig().getParent());
        assertNotEquals(e.initialParams(0)[0], e.initialParams(1)[0]);
        assertNotEquals(e.initialParams(1)[0], e.initialParams(2)[0]);
        assertEquals(e.initialParams(1)[0], e.initialParams(1)[0]);
    }

    @Test
    void anAttemptThatLearnsIsNotRestarted() throws Exception {
        RunResult r = TrainingRunTest.run(TestSupport.qcdConfig(), tmp.resolve("kept"),
                with(ALWAYS_RESTART, "training.restart.dataLossAbove=10"));
        assertEquals(0, r.restarts());
        assertEquals(6, r.epochs());
        assertEquals(6L * STEPS_PER_EPOCH, r.steps());
    }

    /** Interrupted inside the last attempt (after both restarts, inside the decay) and resumed: byte-identical files. */
    @Test
    void resumedRunRepeatsRestartsAndScheduleExactly() throws Exception {
        Path whole = tmp.resolve("whole");
        TrainingRunTest.run(TestSupport.qcdConfig(), whole, ALWAYS_RESTART);

        ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), ALWAYS_RESTART);
        Experiment e = Experiment.build(l.config(), l.baseDir());
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        AtomicFiles.write(cut.resolve(RunDirectory.CONFIG), ConfigLoader.toJson(l.config()));
        Provenance.write(cut, Provenance.begin(e, "cpu", "cpu", "float64"));
        long stopAt = 8L * STEPS_PER_EPOCH + 17; // epoch 9 of 10: the decay's second epoch
        TrainingListener interrupt = new TrainingListener() {
            @Override
            public void onStepEnd(TrainingState s) {
                if (s.step == stopAt) {
                    s.stop("interrupted by the test");
                }
            }
        };
        TrainingRun.train(e, interrupt, cut, null);
        assertEquals(stopAt, Checkpoint.read(cut).position().step());
        assertEquals(2, Checkpoint.read(cut).position().restarts());
        TrainingRun.resume(cut, null);
        for (String f : List.of(RunDirectory.METRIC, RunDirectory.METRICS)) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(cut.resolve(f)), f);
        }
    }

    @Test
    void scheduleHoldsRegularisersOffThenDecaysTheLearningRateAsAHalfCosine() throws Exception {
        TrainingSchedule s = new TrainingSchedule(5000, 300, 1e-3, 1000, 1e-5);
        assertFalse(s.regularisersOn(1));
        assertFalse(s.regularisersOn(300));
        assertTrue(s.regularisersOn(301));
        assertEquals(1e-3, s.learningRate(1, 5000), 0.0);
        assertEquals(1e-3, s.learningRate(4000, 5000), 0.0);
        assertEquals(1e-5 + (1e-3 - 1e-5) * 0.5 * (1 + Math.cos(Math.PI * 0.001)), s.learningRate(4001, 5000), 1e-18);
        assertEquals(0.5 * (1e-3 + 1e-5), s.learningRate(4500, 5000), 1e-15);
        assertEquals(1e-5, s.learningRate(5000, 5000), 1e-18);
        for (int k = 4001; k < 5000; k++) {
            assertTrue(s.learningRate(k + 1, 5000) < s.learningRate(k, 5000), "monotone at " + k);
        }
        TrainingSchedule off = new TrainingSchedule(5000, 0, 1e-3, 0, 1e-5);
        assertTrue(off.regularisersOn(1));
        assertEquals(1e-3, off.learningRate(5000, 5000), 0.0);
    }

    /** With the regularisers off the objective is the data loss alone, and its gradient has no regulariser part. */
    @Test
    void regularisersOffLeavesTheDataLossAlone() throws Exception {
        ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), ALWAYS_RESTART);
        Experiment e = Experiment.build(l.config(), l.baseDir());
        Objective o = e.objective();
        double[] p = e.initialParams();
        org.holo.core.model.Batch b = org.holo.core.model.Batch.of(new double[] {0.01, 0.02}, new double[] {0.05, 0.01},
                new double[] {0, 1});
        Objective.Value on = new Objective.Value();
        o.evaluate(p, b, null, o.newWorkspace(2), on);
        assertTrue(on.regularisation > 0);
        Objective.Value off = new Objective.Value();
        o.evaluate(p, b, null, o.newWorkspace(2), off, false);
        assertEquals(0.0, off.regularisation, 0.0);
        assertEquals(on.data, off.total, 0.0);
    }
}
