package org.holo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.holo.core.model.ParameterLayout;
import org.junit.jupiter.api.Test;

/** The run seed alone fixes the training data and the initial weights; another seed changes both. */
class ExperimentReproducibilityTest {

    private static final String[] QCD_SMALL = {"data.positives=500", "data.negatives=500"};
    private static final String[] ADS_SMALL = {"data.positives=300", "data.negatives=300"};

    @Test
    void qcdSameSeedSameDataAndWeights() throws Exception {
        checkSeeds(TestSupport.qcdConfig(), QCD_SMALL);
    }

    @Test
    void adsSchwarzschildSameSeedSameDataAndWeights() throws Exception {
        checkSeeds(TestSupport.adsConfig(), ADS_SMALL);
    }

    private static void checkSeeds(Path config, String[] small) throws Exception {
        Experiment a = TestSupport.build(config, with(small, "training.seed=5"));
        Experiment b = TestSupport.build(config, with(small, "training.seed=5"));
        Experiment c = TestSupport.build(config, with(small, "training.seed=6"));
        assertEquals(expectedSize(small), a.data().size());
        assertTrue(TestSupport.sameData(a.data(), b.data()), "same seed must give identical data");
        assertArrayEquals(a.initialParams(), b.initialParams(), 0.0, "same seed must give identical initial weights");
        assertFalse(Arrays.equals(TestSupport.column(a.data(), 0), TestSupport.column(c.data(), 0)),
                "another seed must give other data");
        assertFalse(Arrays.equals(TestSupport.column(a.data(), 1), TestSupport.column(c.data(), 1)));
        // same class sizes whatever the seed
        assertEquals(a.data().positives(), c.data().positives());
        ParameterLayout.Block h = a.network().layout().block(ParameterLayout.METRIC);
        double[] ha = Arrays.copyOfRange(a.initialParams(), h.offset(), h.offset() + h.size());
        double[] hc = Arrays.copyOfRange(c.initialParams(), h.offset(), h.offset() + h.size());
        assertFalse(Arrays.equals(ha, hc), "another seed must give other initial weights");
        // initialParams() hands out copies: the experiment's own weights cannot be changed through it
        double[] p = a.initialParams();
        p[0] = 1e9;
        assertArrayEquals(b.initialParams(), a.initialParams(), 0.0);
    }

    @Test
    void dataAndInitStreamsAreIndependent() throws Exception {
        // changing the data size must not shift the initial weights (separate named streams)
        Experiment a = TestSupport.build(TestSupport.qcdConfig(), "data.positives=300", "data.negatives=300");
        Experiment b = TestSupport.build(TestSupport.qcdConfig(), "data.positives=400", "data.negatives=350");
        assertArrayEquals(a.initialParams(), b.initialParams(), 0.0);
        // the sampler keeps drawing until both classes are full, so the k-th positive is the k-th positive
        // draw of the data stream whatever the requested counts: the first 300 positives agree
        for (int i = 0; i < 300; i++) {
            assertEquals(a.data().x0(i), b.data().x0(i), 0.0);
            assertEquals(a.data().x1(i), b.data().x1(i), 0.0);
        }
    }

    @Test
    void qcdInitialParameters() throws Exception {
        Experiment e = TestSupport.build(TestSupport.qcdConfig(), with(QCD_SMALL, "training.seed=1"));
        ParameterLayout layout = e.network().layout();
        assertEquals(List.of(ParameterLayout.METRIC, ParameterLayout.RADIUS, ParameterLayout.LAMBDA), layout.names());
        assertEquals(17, layout.size());
        double[] p = e.initialParams();
        assertEquals(0.8, p[layout.offsetOf(ParameterLayout.RADIUS)], 0.0, "L starts at 0.8 GeV^-1 (physics.md 6.1)");
        assertEquals(0.2, p[layout.offsetOf(ParameterLayout.LAMBDA)], 0.0, "lambda starts at 0.2");
        ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
        assertEquals(15, h.size());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < h.size(); i++) {
            double v = p[h.offset() + i];
            assertTrue(Double.isFinite(v));
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(max - min > 0.5, "h must not be constant for a Normal(4, 3^2) init, spread " + (max - min));
        // SeedStreams contract: the initial weights are drawn from the run's own "init" stream (not the data's)
        org.holo.train.random.Rng init = new org.holo.train.random.SeedStreams(1).stream(org.holo.train.random.SeedStreams.INIT);
        for (int i = 0; i < h.size(); i++) {
            assertEquals(4.0 + 3.0 * init.gaussian(), p[h.offset() + i], 1e-12, "h_" + i);
        }
        boolean[] mask = layout.trainableMask();
        for (boolean m : mask) {
            assertTrue(m, "everything is trainable in the QCD experiment");
        }
    }

    @Test
    void qcdInitialMetricIsNormal4And3OverManySeeds() throws Exception {
        // h_i ~ Normal(4, 3^2): pool 15 weights from each of 200 seeds (3000 draws); SE of the mean 3/sqrt(3000)
        org.holo.train.config.ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), QCD_SMALL);
        var network = Experiment.network(l.config().model);
        ParameterLayout.Block h = network.layout().block(ParameterLayout.METRIC);
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (long seed = 1; seed <= 200; seed++) {
            double[] p = network.initialParameters(
                    new org.holo.train.random.SeedStreams(seed).stream(org.holo.train.random.SeedStreams.INIT)::gaussian);
            for (int i = 0; i < h.size(); i++) {
                double v = p[h.offset() + i];
                sum += v;
                sq += (v - 4.0) * (v - 4.0);
                n++;
            }
        }
        assertEquals(4.0, sum / n, 5 * 3.0 / Math.sqrt(n));
        assertEquals(9.0, sq / n, 5 * 9.0 * Math.sqrt(2.0 / n));
    }

    @Test
    void adsSchwarzschildInitialParameters() throws Exception {
        Experiment e = TestSupport.build(TestSupport.adsConfig(), ADS_SMALL);
        ParameterLayout layout = e.network().layout();
        assertEquals(List.of(ParameterLayout.METRIC, ParameterLayout.LAMBDA), layout.names(), "raw boundary: no L");
        double[] p = e.initialParams();
        assertEquals(1.0, p[layout.offsetOf(ParameterLayout.LAMBDA)], 0.0);
        boolean[] mask = layout.trainableMask();
        assertFalse(mask[layout.offsetOf(ParameterLayout.LAMBDA)], "lambda is fixed in 6.2");
        assertEquals(10, layout.block(ParameterLayout.METRIC).size());
        assertEquals(List.of("phi", "pi"), e.data().inputColumns());
    }

    @Test
    void analyticMetricInitIsExact() throws Exception {
        Experiment e = TestSupport.build(TestSupport.adsConfig(), with(ADS_SMALL, "model.metricInit.type=ads-schwarzschild"));
        double[] p = e.initialParams();
        for (int i = 0; i < 10; i++) {
            double eta = 1.0 + i * (0.1 - 1.0) / 10;
            double expected = 3.0 * Math.cosh(3 * eta) / Math.sinh(3 * eta);
            assertEquals(expected, p[i], 1e-13 * expected, "h_" + i);
        }
        Experiment c = TestSupport.build(TestSupport.adsConfig(), with(ADS_SMALL, "model.metricInit.type=constant",
                "model.metricInit.mean=2.5"));
        for (int i = 0; i < 10; i++) {
            assertEquals(2.5, c.initialParams()[i], 0.0);
        }
    }

    private static int expectedSize(String[] overrides) {
        int n = 0;
        for (String o : overrides) {
            if (o.startsWith("data.positives=") || o.startsWith("data.negatives=")) {
                n += Integer.parseInt(o.substring(o.indexOf('=') + 1));
            }
        }
        return n;
    }

    static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
