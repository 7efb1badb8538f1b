package org.holo.train.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.TestSupport;
import org.holo.train.optim.Adam;
import org.holo.train.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The training loop with a stub backend: batching and shuffling, the epoch mean, and the divergence guard
 * stopping exactly at the step whose loss or gradient is not finite, before the optimiser can use it.
 */
class TrainerTest {

    private static final ParameterLayout LAYOUT = ParameterLayout.builder()
            .add(ParameterLayout.METRIC, 3, true).add(ParameterLayout.LAMBDA, 1, true).build();
    private static final double[] GRAD = {1.0, -2.0, 0.5, 3.0};

    /** n points with x0 = i (so a batch says which points it holds), x1 = 2i, labels alternating. */
    private static LabelledData data(int n) {
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = i;
            x1[i] = 2 * i;
            y[i] = i % 2;
        }
        return new LabelledData(List.of("a", "b"), x0, x1, y);
    }

    /** Returns loss 1 + call/10 and the fixed gradient GRAD; call number {@code badCall} is non-finite. */
    private static final class StubBackend implements Backend {
        final int badCall;
        final boolean badGradientOnly;
        final double badValue;
        int calls;
        final List<double[]> batches = new ArrayList<>();
        final List<double[]> paramsSeen = new ArrayList<>();

        StubBackend(int badCall, boolean badGradientOnly, double badValue) {
            this.badCall = badCall;
            this.badGradientOnly = badGradientOnly;
            this.badValue = badValue;
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public void lossAndGradient(int count, double[][] params, Batch[] batches, boolean[] withRegularisers,
                                    double[][] grads, Objective.Value[] parts) {
            for (int s = 0; s < count; s++) {
                parts[s].total = lossAndGradient(params[s], batches[s], grads[s], parts[s]);
            }
        }

        private double lossAndGradient(double[] params, Batch batch, double[] grad, Objective.Value parts) {
            int call = calls++;
            double[] xs = Arrays.copyOf(batch.x0, batch.size());
            for (int k = 0; k < batch.size(); k++) {
                assertEquals(2 * batch.x0[k], batch.x1[k], 0.0, "x1 must travel with x0");
                assertEquals(((int) batch.x0[k]) % 2, batch.y[k], 0.0, "the label must travel with x0");
            }
            batches.add(xs);
            paramsSeen.add(params.clone());
            System.arraycopy(GRAD, 0, grad, 0, GRAD.length);
            double loss = 1.0 + call / 10.0;
            if (call == badCall) {
                if (badGradientOnly) {
                    grad[1] = badValue;
                } else {
                    loss = badValue;
                }
            }
            parts.data = 0.75 * loss;
            parts.regularisation = 0.25 * loss;
            return loss;
        }
    }

    /** Records each step's loss and checks every epoch mean against it. */
    private static final class Recorder implements TrainingListener {
        final List<Double> stepLosses = new ArrayList<>();
        final List<Double> epochMeans = new ArrayList<>();
        boolean begun;
        boolean ended;
        double sumThisEpoch;
        int stepsThisEpoch;

        @Override
        public void onTrainingBegin(TrainingState s) {
            begun = true;
        }

        @Override
        public void onStep(TrainingState s) {
            if (s.stopped()) {
                return;
            }
            stepLosses.add(s.loss);
            sumThisEpoch += s.loss;
            stepsThisEpoch++;
        }

        @Override
        public void onEpochEnd(TrainingState s) {
            assertEquals(s.stepsPerEpoch, stepsThisEpoch);
            assertEquals(sumThisEpoch / stepsThisEpoch, s.epochLoss, 1e-15, "epoch loss = mean of its mini-batch losses");
            assertEquals(0.75 * s.epochLoss, s.epochDataLoss, 1e-14);
            assertEquals(0.25 * s.epochLoss, s.epochRegularisation, 1e-14);
            epochMeans.add(s.epochLoss);
            sumThisEpoch = 0;
            stepsThisEpoch = 0;
        }

        @Override
        public void onTrainingEnd(TrainingState s) {
            ended = true;
        }
    }

    @Test
    void everyPointOncePerEpochInShuffledBatches() {
        int n = 10;
        int batch = 4;
        int epochs = 4;
        StubBackend backend = new StubBackend(-1, false, 0);
        Recorder rec = new Recorder();
        MetricsLog log = new MetricsLog();
        double[] params = {3, 3, 3, 0.2};
        TrainingState s = new Trainer(epochs, batch).fit(backend, new Adam(4, LAYOUT.trainableMask(), 1e-3, 0.9, 0.999, 1e-8),
                LAYOUT, params, data(n), new Rng(5), List.of(new DivergenceGuard(), rec, log));
        assertTrue(rec.begun && rec.ended);
        assertNull(s.stopReason());
        assertEquals(3, s.stepsPerEpoch, "ceil(10 / 4)");
        assertEquals(epochs * 3, s.step);
        assertEquals(epochs, s.epoch);
        assertEquals(epochs * 3, backend.calls);
        List<List<Double>> orders = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            double[] b0 = backend.batches.get(3 * e);
            double[] b1 = backend.batches.get(3 * e + 1);
            double[] b2 = backend.batches.get(3 * e + 2);
            assertEquals(4, b0.length);
            assertEquals(4, b1.length);
            assertEquals(2, b2.length, "the last batch holds the remainder");
            List<Double> order = new ArrayList<>();
            for (double[] b : new double[][] {b0, b1, b2}) {
                for (double v : b) {
                    order.add(v);
                }
            }
            List<Double> sorted = new ArrayList<>(order);
            sorted.sort(null);
            for (int i = 0; i < n; i++) {
                assertEquals(i, sorted.get(i), 0.0, "epoch " + (e + 1) + " must visit every point exactly once");
            }
            orders.add(order);
        }
        assertFalse(orders.get(0).equals(orders.get(1)) && orders.get(1).equals(orders.get(2)), "batches are reshuffled every epoch");
        assertEquals(epochs, log.lines().size());
        for (int e = 0; e < epochs; e++) {
            String line = log.lines().get(e);
            assertTrue(line.startsWith("{\"step\":" + 3 * (e + 1) + ",\"epoch\":" + (e + 1) + ",\"loss\":"), line);
            assertTrue(line.contains("\"lambda\":"), line);
            assertFalse(line.contains("\"L\":"), "no radius in this layout: " + line);
        }
        // the epoch means of the stub: calls 3e..3e+2 have losses 1 + call/10
        for (int e = 0; e < epochs; e++) {
            assertEquals(1.0 + (3 * e + 1) / 10.0, rec.epochMeans.get(e), 1e-14);
        }

        // the same shuffle seed gives the same batches
        StubBackend again = new StubBackend(-1, false, 0);
        new Trainer(epochs, batch).fit(again, new Adam(4, LAYOUT.trainableMask(), 1e-3, 0.9, 0.999, 1e-8),
                LAYOUT, new double[] {3, 3, 3, 0.2}, data(n), new Rng(5), List.of());
        for (int i = 0; i < backend.batches.size(); i++) {
            assertArrayEquals(backend.batches.get(i), again.batches.get(i), 0.0);
        }
    }

    @Test
    void nanLossStopsAtThatStepWithFiniteParameters() {
        for (int bad : new int[] {0, 1, 7, 11}) {
            runToDivergence(bad, false, Double.NaN, "non-finite loss");
        }
        runToDivergence(4, false, Double.POSITIVE_INFINITY, "non-finite loss");
    }

    @Test
    void nanGradientStopsAtThatStepAndNamesTheParameter() {
        runToDivergence(5, true, Double.NaN, "h_1");
        runToDivergence(2, true, Double.NEGATIVE_INFINITY, "h_1");
    }

    private static void runToDivergence(int badCall, boolean gradientOnly, double badValue, String what) {
        int epochs = 5;
        StubBackend backend = new StubBackend(badCall, gradientOnly, badValue);
        DivergenceGuard guard = new DivergenceGuard();
        Recorder rec = new Recorder();
        MetricsLog log = new MetricsLog();
        double[] init = {3.0, 2.0, 1.0, 0.2};
        double[] params = init.clone();
        TrainingState s = new Trainer(epochs, 4).fit(backend, new Adam(4, LAYOUT.trainableMask(), 0.01, 0.9, 0.999, 1e-8),
                LAYOUT, params, data(10), new Rng(1), List.of(guard, rec, log));
        assertTrue(guard.diverged());
        assertTrue(s.stopped());
        assertEquals(badCall, s.step, "optimiser steps done before the bad one");
        assertEquals(badCall + 1, backend.calls, "no mini-batch after the bad one");
        int epochOfBad = badCall / 3 + 1;
        assertEquals(epochOfBad, s.epoch);
        TestSupport.assertContainsAll(s.stopReason(), "diverged", "step " + (badCall + 1), "epoch " + epochOfBad, what);
        assertTrue(rec.ended, "listeners still see the end of training");
        assertEquals(epochOfBad - 1, log.lines().size(), "only complete epochs are logged");
        for (double p : params) {
            assertTrue(Double.isFinite(p));
        }
        // the parameters are exactly those after badCall good updates: replay them with a fresh Adam
        double[] expected = init.clone();
        Adam replay = new Adam(4, LAYOUT.trainableMask(), 0.01, 0.9, 0.999, 1e-8);
        for (int k = 0; k < badCall; k++) {
            replay.step(expected, GRAD.clone());
        }
        assertArrayEquals(expected, params, 0.0);
        assertArrayEquals(backend.paramsSeen.get(badCall), params, 0.0, "the bad step's update was not applied");
    }

    @Test
    void guardIgnoresFiniteSteps() {
        DivergenceGuard guard = new DivergenceGuard();
        TrainingState s = new Trainer(2, 5).fit(new StubBackend(-1, false, 0),
                new Adam(4, LAYOUT.trainableMask(), 0.01, 0.9, 0.999, 1e-8), LAYOUT, new double[] {1, 1, 1, 1}, data(10),
                new Rng(2), List.of(guard));
        assertFalse(guard.diverged());
        assertEquals(4, s.step);
    }
    /** E = mean_k (p0 x0 + p1 x1 + p2 − y)² + p3², a deterministic function of parameters and batch alone. */
    private static final class QuadraticBackend implements Backend {
        @Override
        public String name() {
            return "quadratic";
        }

        @Override
        public void lossAndGradient(int count, double[][] params, Batch[] batches, boolean[] withRegularisers,
                                    double[][] grads, Objective.Value[] parts) {
            for (int s = 0; s < count; s++) {
                double[] p = params[s];
                double[] g = grads[s];
                Batch b = batches[s];
                java.util.Arrays.fill(g, 0.0);
                double data = 0.0;
                for (int k = 0; k < b.size(); k++) {
                    double r = p[0] * b.x0[k] * 0.1 + p[1] * b.x1[k] * 0.1 + p[2] - b.y[k];
                    data += r * r / b.size();
                    g[0] += 2 * r * b.x0[k] * 0.1 / b.size();
                    g[1] += 2 * r * b.x1[k] * 0.1 / b.size();
                    g[2] += 2 * r / b.size();
                }
                double reg = withRegularisers[s] ? p[3] * p[3] : 0.0;
                if (withRegularisers[s]) {
                    g[3] = 2 * p[3];
                }
                parts[s].data = data;
                parts[s].regularisation = reg;
                parts[s].total = data + reg;
            }
        }
    }

    private static Trainer.Member member(long seed, List<TrainingListener> listeners, LoopPosition resume) {
        return new Trainer.Member(new Adam(4, LAYOUT.trainableMask(), 0.05, 0.9, 0.999, 1e-8), LAYOUT,
                new double[] {1.0, -1.0, 0.5, 0.3}, data(10), new Rng(seed), listeners, resume);
    }

    /** Stopped after any step (the last of an epoch included) and resumed from its position: the same end, bit for bit. */
    @Test
    void resumingAfterAnyStepContinuesExactly() {
        int epochs = 4;
        MetricsLog wholeLog = new MetricsLog();
        TrainingState whole = new Trainer(epochs, 4).fit(new QuadraticBackend(), List.of(member(9, List.of(wholeLog), null))).get(0);
        assertEquals(12, whole.step);
        for (long stopAt = 1; stopAt < whole.step; stopAt++) {
            long at = stopAt;
            LoopPosition[] saved = new LoopPosition[1];
            TrainingListener interrupt = new TrainingListener() {
                @Override
                public void onStepEnd(TrainingState s) {
                    if (s.step == at) {
                        saved[0] = s.position();
                        s.stop("interrupted");
                    }
                }
            };
            MetricsLog log = new MetricsLog();
            new Trainer(epochs, 4).fit(new QuadraticBackend(), List.of(member(9, List.of(log, interrupt), null)));
            MetricsLog resumedLog = new MetricsLog(log.lines());
            TrainingState resumed = new Trainer(epochs, 4).fit(new QuadraticBackend(),
                    List.of(member(9, List.of(resumedLog), saved[0]))).get(0);
            assertArrayEquals(whole.params, resumed.params, 0.0, "resumed after step " + at);
            assertEquals(whole.step, resumed.step);
            assertEquals(wholeLog.text(), resumedLog.text(), "resumed after step " + at);
        }
    }

    /** Members trained together end exactly as each trained alone, also when one stops early and when one holds its regularisers off. */
    @Test
    void membersTrainedTogetherEqualMembersTrainedAlone() {
        int epochs = 3;
        TrainingListener stopAtFive = new TrainingListener() {
            @Override
            public void onStepEnd(TrainingState s) {
                if (s.step == 5) {
                    s.stop("stopped by the test");
                }
            }
        };
        TrainingListener noRegularisers = new TrainingListener() {
            @Override
            public void onTrainingBegin(TrainingState s) {
                s.regularisersOn = false;
            }
        };
        List<List<TrainingListener>> listeners = List.of(List.of(), List.of(stopAtFive), List.of(noRegularisers));
        List<Trainer.Member> together = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            together.add(member(20 + k, listeners.get(k), null));
        }
        List<TrainingState> states = new Trainer(epochs, 3).fit(new QuadraticBackend(), together);
        for (int k = 0; k < 3; k++) {
            TrainingState alone = new Trainer(epochs, 3).fit(new QuadraticBackend(), List.of(member(20 + k, listeners.get(k), null))).get(0);
            assertArrayEquals(alone.params, states.get(k).params, 0.0, "member " + k);
            assertEquals(alone.step, states.get(k).step, "member " + k);
            assertEquals(alone.epochLoss, states.get(k).epochLoss, 0.0, "member " + k);
        }
        assertEquals(5, states.get(1).step);
        assertEquals(12, states.get(0).step);
        assertEquals(0.3, states.get(2).params[3], 0.0, "no regulariser, no gradient on p3");
    }
}
