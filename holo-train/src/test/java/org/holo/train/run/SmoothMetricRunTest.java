package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.holo.core.metric.PolynomialMetric;
import org.holo.core.metric.SplineMetric;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;
import org.holo.train.ensemble.EnsembleBackendProvider;
import org.holo.train.loop.Backend;
import org.holo.train.loop.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smooth metrics through the whole run: experiments/hhy2021-neural-ode-qcd.json loads, trains, writes its
 * coefficients, reads back and reproduces bit for bit; bad sections are one-line errors; and the continuous-depth
 * claim in small: with rk4 and h a function of η, N = 60 and N = 120 follow the same training trajectory.
 */
class SmoothMetricRunTest {

    static final String[] SMALL = {"data.positives=500", "data.negatives=500", "training.restart.maxRestarts=0", "training.decayEpochs=0"};

    @TempDir
    Path tmp;

    static Path experiment() {
        return TestSupport.projectRoot().resolve("experiments/hhy2021-neural-ode-qcd.json");
    }

    static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private RunResult run(String dir, String... overrides) throws Exception {
        ConfigLoader.Loaded l = TestSupport.load(experiment(), overrides);
        return TrainingRun.execute(l.config(), l.baseDir(), tmp.resolve(dir), null);
    }

    @Test
    void theShippedExperimentIsTheDegree8PolynomialWithRk4() {
        ConfigLoader.Loaded l = TestSupport.load(experiment());
        assertEquals("polynomial", l.config().model.metric.type);
        assertEquals("rk4", l.config().model.scheme.type);
        HolographicNetwork net = Experiment.network(l.config().model);
        assertTrue(net.metric() instanceof PolynomialMetric);
        assertEquals(8, ((PolynomialMetric) net.metric()).degree());
        assertEquals(List.of(PolynomialMetric.COEFFICIENTS, "L", "lambda"), net.layout().names());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"polynomial", "spline"})
    void trainsWritesItsBlocksReadsBackAndReproducesBitForBit(String type) throws Exception {
        String[] o = with(SMALL, "training.epochs=3", "model.metric={\"type\":\"" + type + "\"}");
        RunResult a = run("a", o);
        RunResult b = run("b", o);
        assertEquals(List.of(), Reproduction.diff(tmp.resolve("a"), tmp.resolve("b")), "same config, same seed: identical");
        assertArrayEquals(a.params(), b.params(), 0.0);
        JsonNode result = ConfigLoader.mapper().readTree(Files.readString(tmp.resolve("a").resolve(RunDirectory.RESULT)));
        String block = type.equals("polynomial") ? PolynomialMetric.COEFFICIENTS : SplineMetric.KNOT_VALUES;
        assertEquals(type.equals("polynomial") ? 9 : 8, result.get(ResultFields.PARAMETERS).get(block).size());
        FinishedRun back = FinishedRun.read(tmp.resolve("a"));
        assertArrayEquals(a.params(), back.params(), 0.0, "the run reads back exactly from result.json");
        double[] h = new double[result.get(ResultFields.H).size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = result.get(ResultFields.H).get(i).asDouble();
        }
        assertArrayEquals(h, back.network().metricAtLayers(back.params()), 0.0, "h at the layers from the read-back blocks");
        // and holo reproduce's path: a re-run from the written config.json
        Reproduction.rerun(tmp.resolve("a"), tmp.resolve("c"));
        assertEquals(List.of(), Reproduction.diff(tmp.resolve("a"), tmp.resolve("c")));
    }

    @Test
    void impossibleAndUnknownFieldsAreOneLineErrorsNamingTheField() {
        String[][] cases = {
            {"model.metric.degree=0", "model.metric.degree", "must be between 1 and 30"},
            {"model.metric.degree=-3", "model.metric.degree", "must be between 1 and 30"},
            {"model.metric.degree=2.5", "model.metric.degree", "expected an integer"},
            {"model.metric.knots=5", "model.metric.knots", "unknown field"},
            {"model.metric={\"type\":\"spline\",\"knots\":2}", "model.metric.knots", "must be at least 3"},
            {"model.metric={\"type\":\"spline\",\"degree\":8}", "model.metric.degree", "unknown field"}};
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> TestSupport.load(experiment(), c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(c[2]), c[0] + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), c[0] + ": " + e.getMessage());
        }
    }

    /**
     * The djl backend runs them from their tensor forms (h at the nodes as one fixed matrix times the block): on the
     * shipped experiment's model, its loss and gradient agree with the adjoint to 1e−12 on a batch of 100.
     */
    @Test
    void theDjlBackendRunsThemFromTheirTensorForms() throws Exception {
        for (String type : List.of("polynomial", "spline")) {
            Experiment e = TestSupport.build(experiment(), with(SMALL, "model.metric={\"type\":\"" + type + "\"}"));
            int n = 100;
            Batch b = new Batch(n);
            for (int i = 0; i < n; i++) {
                int k = i * (e.data().size() / n);
                b.x0[i] = e.data().x0(k);
                b.x1[i] = e.data().x1(k);
                b.y[i] = e.data().label(k);
            }
            b.setSize(n);
            int p = e.network().layout().size();
            double[][] g = new double[2][p];
            Objective.Value[] v = {new Objective.Value(), new Objective.Value()};
            try (Backend cpu = new CpuBackend(e.objective(), n);
                 Backend djl = EnsembleBackendProvider.named("djl").open(e, "cpu")) {
                cpu.lossAndGradient(1, new double[][] {e.initialParams()}, new Batch[] {b}, new boolean[] {true},
                        new double[][] {g[0]}, new Objective.Value[] {v[0]});
                djl.lossAndGradient(1, new double[][] {e.initialParams()}, new Batch[] {b}, new boolean[] {true},
                        new double[][] {g[1]}, new Objective.Value[] {v[1]});
            }
            assertEquals(v[0].total, v[1].total, 1e-12 * Math.abs(v[0].total), type + " loss");
            assertEquals(v[0].regularisation, v[1].regularisation, 1e-12 * Math.abs(v[0].regularisation), type + " regularisation");
            double scale = 0.0;
            for (double x : g[0]) {
                scale = Math.max(scale, Math.abs(x));
            }
            assertTrue(scale > 0.0, type);
            for (int i = 0; i < p; i++) {
                assertEquals(g[0][i], g[1][i], 1e-12 * scale, type + " gradient " + e.network().layout().nameOf(i));
            }
        }
    }

    /**
     * The continuous-depth check in small (20 epochs of 10 mini-batches, same seed): with h a polynomial in η and rk4
     * layers, N only sets the accuracy of the integration, so 1/L and h at the 60 common layer positions of N = 60
     * and N = 120 agree to far better than 1 %. The full-length figures are in docs/results/neural-ode.md.
     */
    @Test
    void sixtyAndOneHundredTwentyLayersTrainTheSameModel() throws Exception {
        RunResult n60 = run("n60", with(SMALL, "training.epochs=20", "model.grid.layers=60"));
        RunResult n120 = run("n120", with(SMALL, "training.epochs=20", "model.grid.layers=120"));
        HolographicNetwork net60 = Experiment.network(TestSupport.load(experiment(), "model.grid.layers=60").config().model);
        HolographicNetwork net120 = Experiment.network(TestSupport.load(experiment(), "model.grid.layers=120").config().model);
        double[] h60 = net60.metricAtLayers(n60.params());
        double[] h120 = net120.metricAtLayers(n120.params());
        double scale = 0;
        for (double h : h60) {
            scale = Math.max(scale, Math.abs(h));
        }
        double worst = 0;
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < h60.length; i++) {
            assertEquals(net60.grid().eta(i), net120.grid().eta(2 * i), 1e-14);
            // relative to |h| where h is not small, to the range of h where it crosses zero
            double rel = Math.abs(h120[2 * i] - h60[i]) / Math.max(Math.abs(h60[i]), 0.1 * scale);
            worst = Math.max(worst, rel);
            if (i % 10 == 0) {
                rows.add(String.format("eta %.4f h %.6f vs %.6f", net60.grid().eta(i), h60[i], h120[2 * i]));
            }
        }
        double inverseL60 = 1000.0 / net60.radius(n60.params());
        double inverseL120 = 1000.0 / net120.radius(n120.params());
        double relL = Math.abs(inverseL120 - inverseL60) / inverseL60;
        System.out.printf("N = 60 vs 120 after 20 epochs: 1/L %.6f vs %.6f MeV (rel %.2e), h worst rel %.2e%n  %s%n",
                inverseL60, inverseL120, relL, worst, String.join("\n  ", rows));
        assertTrue(relL <= 0.01, "1/L changes by " + relL);
        assertTrue(worst <= 0.01, "h changes by " + worst);
        // not vacuous: training moved L and h away from their start
        assertTrue(Math.abs(net60.radius(n60.params()) - 0.8) > 0.05, "L did not move");
    }
}
