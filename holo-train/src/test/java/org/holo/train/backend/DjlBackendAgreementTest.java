package org.holo.train.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.ensemble.EnsembleBackendProvider;
import org.holo.train.loop.Backend;
import org.holo.train.loop.CpuBackend;
import org.holo.train.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The djl backend (PyTorch autograd, one tensor program with an ensemble axis) against the plain-Java exact
 * adjoint, on the same random parameters, data and members: losses and gradients agree to 1e−12 relative.
 * Gradient error is measured per member against the member's largest gradient component (∞-norm relative):
 * components far below the largest one (a saturated bump) carry absolute, not relative, precision.
 */
class DjlBackendAgreementTest {

    static final int MEMBERS = 6;
    static final double TOLERANCE = 1e-12;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"hstt2018-qcd.json, euler", "hstt2018-qcd.json, rk4",
        "hstt2018-ads-schwarzschild.json, euler", "hstt2018-ads-schwarzschild.json, rk4",
        "robust-ads-schwarzschild.json, euler", "robust-ads-schwarzschild.json, rk4"})
    void lossAndGradientAgreeWithTheAdjoint(String config, String scheme) throws IOException {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve(config);
        List<Experiment> members = new ArrayList<>();
        for (int s = 1; s <= MEMBERS; s++) {
            members.add(TestSupport.build(file, "training.seed=" + (100 + s), "model.scheme=" + scheme,
                    "data.positives=1000", "data.negatives=1000"));
        }
        Experiment first = members.get(0);
        ParameterLayout layout = first.network().layout();
        int p = layout.size();
        Rng rng = new Rng(config.hashCode() * 31L + scheme.hashCode());
        double worstLoss = 0.0;
        double worstGrad = 0.0;
        int evaluated = 0;
        int compared = 0;
        try (Backend cpu = new CpuBackend(first.objective(), 1000);
             Backend djl = EnsembleBackendProvider.named("djl").open(first, "cpu")) {
            assertEquals("cpu", djl.device());
            for (int batchSize : new int[] {1, 10, 100, 1000}) {
                for (int trial = 0; trial < 3; trial++) {
                    double[][] params = new double[MEMBERS][];
                    Batch[] batches = new Batch[MEMBERS];
                    for (int s = 0; s < MEMBERS; s++) {
                        Experiment e = members.get(s);
                        params[s] = randomParams(e, rng, trial);
                        batches[s] = randomBatch(e, batchSize, rng);
                    }
                    double[][] gCpu = new double[MEMBERS][p];
                    double[][] gDjl = new double[MEMBERS][p];
                    double[] lCpu = new double[MEMBERS];
                    double[] lDjl = new double[MEMBERS];
                    Objective.Value[] vCpu = values();
                    Objective.Value[] vDjl = values();
                    evaluate(cpu, MEMBERS, params, batches, gCpu, lCpu, vCpu);
                    evaluate(djl, MEMBERS, params, batches, gDjl, lDjl, vDjl);
                    for (int s = 0; s < MEMBERS; s++) {
                        evaluated++;
                        if (!Double.isFinite(lCpu[s])) {
                            // extreme draws (L ~ 5, λ ~ 1) can blow the state up to NaN: both must say so
                            assertTrue(!Double.isFinite(lDjl[s]), "cpu loss " + lCpu[s] + ", djl loss " + lDjl[s]);
                            continue;
                        }
                        compared++;
                        double lossErr = Math.abs(lDjl[s] - lCpu[s]) / Math.abs(lCpu[s]);
                        double dataErr = Math.abs(vDjl[s].data - vCpu[s].data) / Math.max(Math.abs(vCpu[s].data), 1e-300);
                        double regErr = Math.abs(vDjl[s].regularisation - vCpu[s].regularisation) / Math.abs(vCpu[s].regularisation);
                        double scale = 0.0;
                        double diff = 0.0;
                        for (int i = 0; i < p; i++) {
                            scale = Math.max(scale, Math.abs(gCpu[s][i]));
                            diff = Math.max(diff, Math.abs(gDjl[s][i] - gCpu[s][i]));
                        }
                        double gradErr = scale == 0.0 ? diff : diff / scale;
                        String where = String.format(Locale.ROOT, "%s %s batch %d trial %d member %d: loss %.17g vs %.17g,"
                                + " gradient error %.3g of max |g| %.3g", config, scheme, batchSize, trial, s, lDjl[s], lCpu[s],
                                gradErr, scale);
                        assertTrue(Double.isFinite(lCpu[s]) && scale > 0.0, where);
                        assertTrue(lossErr <= TOLERANCE && dataErr <= TOLERANCE && regErr <= TOLERANCE, where);
                        assertTrue(gradErr <= TOLERANCE, where);
                        worstLoss = Math.max(worstLoss, Math.max(lossErr, dataErr));
                        worstGrad = Math.max(worstGrad, gradErr);
                    }
                }
            }
        }
        assertTrue(compared >= 0.8 * evaluated, compared + " of " + evaluated + " members had a finite loss");
        System.out.printf(Locale.ROOT, "djl vs cpu, %s %s: %d member evaluations, worst relative loss error %.3g,"
                + " worst relative gradient error %.3g%n", config, scheme, compared, worstLoss, worstGrad);
    }

    /**
     * States that overflow to F = ±inf (t = 1 exactly) while the loss stays finite: the adjoint engine skips such
     * samples (dt/dF = 0), autograd would multiply that 0 by infinite partials; the djl backend re-evaluates with
     * them masked and agrees.
     */
    @ParameterizedTest(name = "{0} L={1} lambda={2}")
    @CsvSource({"euler, 12, 0.2", "euler, 8, 3", "rk4, 3, 10"})
    void overflowingSamplesContributeNothing(String scheme, double radius, double lambda) throws IOException {
        Experiment e = TestSupport.build(TestSupport.qcdConfig(), "model.scheme=" + scheme, "data.positives=200",
                "data.negatives=200");
        ParameterLayout layout = e.network().layout();
        double[] p = e.initialParams();
        p[layout.offsetOf(ParameterLayout.RADIUS)] = radius;
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = lambda;
        int n = e.data().size();
        Batch b = new Batch(n);
        double[] f = new double[n];
        int infinite = 0;
        for (int i = 0; i < n; i++) {
            b.x0[i] = e.data().x0(i);
            b.x1[i] = e.data().x1(i);
            b.y[i] = e.data().label(i);
        }
        b.setSize(n);
        e.network().horizonValues(p, b.x0, b.x1, n, f, new org.holo.core.model.HolographicNetwork.Workspace(e.network(), 1));
        for (double v : f) {
            infinite += Double.isInfinite(v) ? 1 : 0;
            assertTrue(!Double.isNaN(v));
        }
        assertTrue(infinite > 0, "the case must overflow");
        double[][] g = new double[2][layout.size()];
        double[] l = new double[2];
        Objective.Value[] v = {new Objective.Value(), new Objective.Value()};
        try (Backend cpu = new CpuBackend(e.objective(), n);
             Backend djl = EnsembleBackendProvider.named("djl").open(e, "cpu")) {
            double[] lossCpu = new double[1];
            double[] lossDjl = new double[1];
            evaluate(cpu, 1, new double[][] {p}, new Batch[] {b}, new double[][] {g[0]}, lossCpu, new Objective.Value[] {v[0]});
            evaluate(djl, 1, new double[][] {p}, new Batch[] {b}, new double[][] {g[1]}, lossDjl, new Objective.Value[] {v[1]});
            l[0] = lossCpu[0];
            l[1] = lossDjl[0];
        }
        assertTrue(Double.isFinite(l[0]), "cpu loss " + l[0]);
        assertEquals(l[0], l[1], TOLERANCE * Math.abs(l[0]), infinite + " overflowing samples");
        double scale = 0.0;
        for (int i = 0; i < g[0].length; i++) {
            assertTrue(Double.isFinite(g[0][i]) && Double.isFinite(g[1][i]), "gradient " + i + ": " + g[0][i] + " vs " + g[1][i]);
            scale = Math.max(scale, Math.abs(g[0][i]));
        }
        for (int i = 0; i < g[0].length; i++) {
            assertEquals(g[0][i], g[1][i], TOLERANCE * scale, layout.nameOf(i) + " with " + infinite + " overflowing samples");
        }
    }

    /**
     * Members whose regularisers are held off (a warm-up) get the data loss alone on both backends, with its
     * gradient; the others keep theirs, in the same call.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"euler", "rk4"})
    void regularisersHeldOffPerMember(String scheme) throws IOException {
        Experiment e = TestSupport.build(TestSupport.qcdConfig(), "model.scheme=" + scheme, "data.positives=200",
                "data.negatives=200");
        int p = e.network().layout().size();
        Rng rng = new Rng(7L + scheme.hashCode());
        double[][] params = new double[MEMBERS][];
        Batch[] batches = new Batch[MEMBERS];
        boolean[] on = new boolean[MEMBERS];
        for (int s = 0; s < MEMBERS; s++) {
            params[s] = e.initialParams();
            batches[s] = randomBatch(e, 100, rng);
            on[s] = s % 2 == 0;
        }
        double[][] gCpu = new double[MEMBERS][p];
        double[][] gDjl = new double[MEMBERS][p];
        double[][] gData = new double[MEMBERS][p];
        Objective.Value[] vCpu = values();
        Objective.Value[] vDjl = values();
        Objective.Value[] vData = values();
        boolean[] none = new boolean[MEMBERS];
        try (Backend cpu = new CpuBackend(e.objective(), 100);
             Backend djl = EnsembleBackendProvider.named("djl").open(e, "cpu")) {
            cpu.lossAndGradient(MEMBERS, params, batches, on, gCpu, vCpu);
            djl.lossAndGradient(MEMBERS, params, batches, on, gDjl, vDjl);
            cpu.lossAndGradient(MEMBERS, params, batches, none, gData, vData);
        }
        for (int s = 0; s < MEMBERS; s++) {
            String where = scheme + " member " + s + (on[s] ? " (regularised)" : " (warm-up)");
            assertEquals(on[s], vCpu[s].regularisation > 0.0, where);
            if (!on[s]) {
                assertEquals(0.0, vCpu[s].regularisation, 0.0, where);
                assertEquals(0.0, vDjl[s].regularisation, 0.0, where);
                assertEquals(vData[s].total, vCpu[s].total, 0.0, where);
                for (int i = 0; i < p; i++) {
                    assertEquals(gData[s][i], gCpu[s][i], 0.0, where + " gradient " + i);
                }
            }
            assertEquals(vCpu[s].total, vDjl[s].total, TOLERANCE * Math.abs(vCpu[s].total), where);
            double scale = 0.0;
            for (int i = 0; i < p; i++) {
                scale = Math.max(scale, Math.abs(gCpu[s][i]));
            }
            for (int i = 0; i < p; i++) {
                assertEquals(gCpu[s][i], gDjl[s][i], TOLERANCE * scale, where + " gradient " + i);
            }
        }
    }

    /** Every member with its regularisers; {@code losses} receives the totals. */
    static void evaluate(Backend b, int count, double[][] params, Batch[] batches, double[][] grads, double[] losses,
                         Objective.Value[] parts) {
        boolean[] on = new boolean[count];
        java.util.Arrays.fill(on, true);
        b.lossAndGradient(count, params, batches, on, grads, parts);
        for (int s = 0; s < count; s++) {
            losses[s] = parts[s].total;
        }
    }

    private static Objective.Value[] values() {
        Objective.Value[] v = new Objective.Value[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            v[i] = new Objective.Value();
        }
        return v;
    }

    /**
     * Trial 0: the member's own initial parameters (h ~ its metricInit); later trials: those perturbed, with L
     * and λ drawn over the range a training visits.
     */
    static double[] randomParams(Experiment e, Rng rng, int trial) {
        double[] p = e.initialParams();
        if (trial == 0) {
            return p;
        }
        ParameterLayout layout = e.network().layout();
        ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
        for (int i = 0; i < h.size(); i++) {
            p[h.offset() + i] += rng.gaussian(0.0, 1.0);
        }
        if (layout.has(ParameterLayout.HORIZON)) {
            p[layout.offsetOf(ParameterLayout.HORIZON)] = rng.uniform(0.5, 1.5); // c of c/η + r
        }
        if (layout.has(ParameterLayout.RADIUS)) {
            p[layout.offsetOf(ParameterLayout.RADIUS)] = rng.uniform(0.5, 5.0);
        }
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = rng.uniform(0.0, 1.0);
        return p;
    }

    static Batch randomBatch(Experiment e, int size, Rng rng) {
        Batch b = new Batch(size);
        for (int k = 0; k < size; k++) {
            int i = rng.nextInt(e.data().size());
            b.x0[k] = e.data().x0(i);
            b.x1[k] = e.data().x1(i);
            b.y[k] = e.data().label(i);
        }
        b.setSize(size);
        return b;
    }
}
