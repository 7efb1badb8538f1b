package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.Metric;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * The full AdS-Schwarzschild experiments, seed 1 (~3 s each): with the horizon-aware metric h = c/η + r the
 * learned h is within 10 % of 3 coth 3η at every layer, the horizon layers included; the papers' per-layer
 * weights on the same data miss the layer nearest the horizon by far more (measured 7.6 % against −33 %).
 */
class HorizonRecoveryTest {

    private static double[] deviations(String experiment) throws Exception {
        ConfigLoader.Loaded l = TestSupport.load(TestSupport.projectRoot().resolve("experiments/" + experiment), "training.seed=1");
        Experiment e = Experiment.build(l.config(), l.baseDir());
        RunResult r = TrainingRun.train(e, null).result();
        assertTrue(r.verdict().converged(), experiment + ": " + r.verdict().reason());
        HolographicNetwork net = e.network();
        Metric truth = AnalyticMetrics.byName("ads-schwarzschild", 3);
        double[] h = net.metricAtLayers(r.params());
        double[] eta = net.grid().layerEtas();
        double[] d = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            d[i] = (h[i] - truth.h(eta[i])) / truth.h(eta[i]);
        }
        return d;
    }

    @Test
    void horizonAwareMetricRecoversTheHorizonLayers() throws Exception {
        double[] robust = deviations("robust-ads-schwarzschild.json");
        for (int i = 0; i < robust.length; i++) {
            assertTrue(Math.abs(robust[i]) < 0.10, "layer " + i + ": " + robust[i]);
        }
        double[] paper = deviations("hstt2018-ads-schwarzschild.json");
        int last = paper.length - 1;
        assertTrue(paper[last] < -0.2, "per-layer weights at the horizon layer: " + paper[last]);
        assertTrue(Math.abs(robust[last]) < Math.abs(paper[last]) / 3, robust[last] + " vs " + paper[last]);
    }
}
