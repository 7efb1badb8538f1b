package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.holo.core.RadialGrid;
import org.holo.core.data.LabelledData;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.Metric;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigException;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data.source metric with a metric table and the two label models; model.metricInit from a table or a run
 * directory; bad tables named with their file and line.
 */
class MetricTableSourceTest {

    private static final String[] SMALL = {"data.positives=200", "data.negatives=200"};

    @TempDir
    Path tmp;

    /** A table eta,h of {@code m} at {@code etas}, in the order given. */
    private Path table(String name, double[] etas, Metric m) throws Exception {
        StringBuilder sb = new StringBuilder("eta,h\n");
        for (double e : etas) {
            sb.append(e).append(',').append(m.h(e)).append('\n');
        }
        Path f = tmp.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    private static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(SMALL, SMALL.length + more.length);
        System.arraycopy(more, 0, all, SMALL.length, more.length);
        return all;
    }

    @Test
    void aTableOfTheNamedFamilyAtTheLayersGivesTheSameDataBitForBit() throws Exception {
        // euler reads h only at the layers, where the spline is exact: the true network is the named family's
        double[] layers = new RadialGrid(1.0, 0.1, 10).layerEtas();
        Path t = table("ads-s.csv", layers, AnalyticMetrics.adsSchwarzschild(3));
        LabelledData named = TestSupport.build(TestSupport.adsConfig(), SMALL).data();
        Experiment fromTable = TestSupport.build(TestSupport.adsConfig(), with("data.metric=table", "data.table=" + t));
        assertTrue(TestSupport.sameData(named, fromTable.data()));
        assertTrue(fromTable.inputFiles().contains(t), "the table is an input of the run (provenance)");
        // the order of the rows does not matter
        double[] reversed = new double[layers.length];
        for (int i = 0; i < layers.length; i++) {
            reversed[i] = layers[layers.length - 1 - i];
        }
        Path r = table("reversed.csv", reversed, AnalyticMetrics.adsSchwarzschild(3));
        assertTrue(TestSupport.sameData(named, TestSupport.build(TestSupport.adsConfig(), with("data.metric=table", "data.table=" + r)).data()));
    }

    @Test
    void bernoulliLabelsFollowTheOutputProbabilityAndAreSeeded() throws Exception {
        // a wider bump (δ = 0.05) so that t(F) is between 0 and 1 over much of the box
        String[] o = with("data.labels=bernoulli", "model.output.delta=0.05");
        LabelledData a = TestSupport.build(TestSupport.adsConfig(), o).data();
        LabelledData b = TestSupport.build(TestSupport.adsConfig(), o).data();
        assertTrue(TestSupport.sameData(a, b), "same seed, same labels");
        assertEquals(400, a.size());
        LabelledData thresholdPoints = TestSupport.build(TestSupport.adsConfig(), with("model.output.delta=0.05")).data();
        assertArrayEquals(TestSupport.column(thresholdPoints, 0), TestSupport.column(a, 0), 0.0, "the points of threshold labels");
        assertArrayEquals(TestSupport.column(thresholdPoints, 1), TestSupport.column(a, 1), 0.0);
        Experiment e = TestSupport.build(TestSupport.adsConfig(), o);
        assertTrue(org.holo.train.run.Provenance.begin(e, "cpu", "cpu", "float64").get("stream_seeds").has("labels"),
                "provenance records the label stream of a run that draws from it");
        assertFalse(org.holo.train.run.Provenance.begin(TestSupport.build(TestSupport.adsConfig(), SMALL), "cpu", "cpu", "float64")
                .get("stream_seeds").has("labels"), "and of no other run");
        // the sum of t(F_true) over the points is the expected number of ones; the count is within 4 standard deviations
        double[] params = e.initialParams();
        params[e.network().layout().offsetOf("lambda")] = e.network().lambda(params);
        org.holo.core.model.HolographicNetwork truth = new org.holo.core.model.HolographicNetwork(e.network().grid(),
                e.network().theory(), e.network().layerMap(), e.network().boundary(), e.network().horizon(), e.network().output(),
                new org.holo.core.metric.FixedMetric(AnalyticMetrics.adsSchwarzschild(3), e.network().grid(), e.network().layerMap().nodes()),
                false, false);
        double[] p = new double[truth.layout().size()];
        p[truth.layout().offsetOf("lambda")] = e.network().lambda(params);
        double expected = 0;
        double variance = 0;
        int ones = 0;
        int between = 0;
        for (int i = 0; i < a.size(); i++) {
            double t = truth.output().value(truth.horizonValue(p, a.x0(i), a.x1(i)));
            expected += t;
            variance += t * (1 - t);
            ones += (int) a.label(i);
            between += t > 0.05 && t < 0.95 ? 1 : 0;
        }
        assertTrue(between > 20, "the test needs uncertain labels, got " + between);
        assertTrue(Math.abs(ones - expected) < 4 * Math.sqrt(variance), ones + " ones, expected " + expected + " ± " + Math.sqrt(variance));
        // threshold labels of the same points would be 0/1 by |F| < 0.1; here some points with |F| > 0.1 are positive
        LabelledData threshold = TestSupport.build(TestSupport.adsConfig(), with("model.output.delta=0.05")).data();
        assertFalse(TestSupport.sameData(a, threshold));
        // another seed, other labels
        assertFalse(TestSupport.sameData(a, TestSupport.build(TestSupport.adsConfig(), with("data.labels=bernoulli",
                "model.output.delta=0.05", "training.seed=2")).data()));
    }

    @Test
    void metricInitFromATableAndFromARunDirectory() throws Exception {
        double[] layers = new RadialGrid(1.0, 0.1, 10).layerEtas();
        Metric dip = eta -> 3.0 / Math.tanh(3.0 * eta) - 0.8 * Math.exp(-Math.pow((eta - 0.5) / 0.15, 2));
        Path t = table("start.csv", new double[] {1.0, 0.7, 0.55, 0.4, 0.25, 0.1}, dip);
        Experiment e = TestSupport.build(TestSupport.adsConfig(), with("model.metricInit.type=table", "model.metricInit.file=" + t));
        double[] h = e.network().metricAtLayers(e.initialParams());
        org.holo.core.metric.TabulatedMetric spline = MetricTables.read(t, e.network().grid(), e.network().layerMap().nodes());
        for (int i = 0; i < layers.length; i++) {
            assertEquals(spline.h(layers[i]), h[i], 0.0, "h_" + i + " starts on the table's spline");
        }
        assertEquals(dip.h(1.0), h[0], 0.0, "exact at a row");

        // warm start: a short run, then a run that starts from it has its h at every layer
        Path run = tmp.resolve("run");
        org.holo.train.config.ConfigLoader.Loaded l = TestSupport.load(TestSupport.adsConfig(), with("training.epochs=2"));
        TrainingRun.execute(l.config(), l.baseDir(), run, null);
        double[] learned = org.holo.train.run.FinishedRun.read(run).h();
        Experiment warm = TestSupport.build(TestSupport.adsConfig(), with("model.metricInit.type=run", "model.metricInit.file=" + run));
        assertArrayEquals(learned, warm.network().metricAtLayers(warm.initialParams()), 0.0);
        assertTrue(warm.inputFiles().contains(run.resolve("result.json")));
        // an rk4 model reads h at half steps and at eta_fin too: the run's nodes are only its layers, which do not reach 0.1
        IllegalArgumentException span = assertThrows(IllegalArgumentException.class, () -> TestSupport.build(TestSupport.adsConfig(),
                with("model.scheme=rk4", "model.metricInit.type=run", "model.metricInit.file=" + run)));
        TestSupport.assertContainsAll(span.getMessage(), run.resolve("result.json").toString(), "must span");
    }

    @Test
    void badTablesAreNamedWithFileLineAndProblem() throws Exception {
        String[] cases = {
            "eta,h\n1.0,3\n0.5,3.2\n0.7,3.1\n0.1,10\n", "bad.csv:4: eta is not strictly monotone (0.7 after 0.5 on line 3)",
            "eta,h\n1.0,3\n0.5,3.2\n0.5,3.3\n0.1,10\n", "bad.csv:4: eta is not strictly monotone",
            "eta,h\n1.0,3\n0.5,3.2\n0.2,4\n", "bad.csv: the table runs over eta in [0.2, 1.0] but the network reads h over [0.19",
            "eta,h\n1.0,3\n0.5,NaN\n0.1,10\n", "bad.csv:3:",
            "eta,g\n1.0,3\n0.1,10\n", "bad.csv:1: unknown column 'g' (expected columns: eta,h)",
            "eta,h\n1.0,3\n", "bad.csv: a metric table needs at least 2 rows",
        };
        for (int c = 0; c < cases.length; c += 2) {
            Path f = tmp.resolve("bad.csv");
            Files.writeString(f, cases[c]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TestSupport.build(TestSupport.adsConfig(), with("data.metric=table", "data.table=" + f)));
            TestSupport.assertContainsAll(e.getMessage(), cases[c + 1]);
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        // a missing table, and a table named where none is read
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TestSupport.build(TestSupport.adsConfig(), with("data.metric=table", "data.table=" + tmp.resolve("none.csv"))));
        TestSupport.assertContainsAll(missing.getMessage(), "none.csv", "no such file");
        ConfigException stray = assertThrows(ConfigException.class, () -> TestSupport.load(TestSupport.adsConfig(), with("data.table=x.csv")));
        TestSupport.assertContainsAll(stray.getMessage(), "data.table (from --set data.table=x.csv): is read only when data.metric is table");
        ConfigException none = assertThrows(ConfigException.class, () -> TestSupport.load(TestSupport.adsConfig(), with("data.metric=table")));
        TestSupport.assertContainsAll(none.getMessage(), "data.table", "must name a CSV file");
        ConfigException labels = assertThrows(ConfigException.class, () -> TestSupport.load(TestSupport.adsConfig(), with("data.labels=coin")));
        TestSupport.assertContainsAll(labels.getMessage(), "data.labels (from --set data.labels=coin): unknown value 'coin'");
        ConfigException init = assertThrows(ConfigException.class, () -> TestSupport.load(TestSupport.adsConfig(),
                with("model.metricInit.type=table")));
        TestSupport.assertContainsAll(init.getMessage(), "model.metricInit.file", "must name a CSV file");
    }
}
