package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.holo.core.data.LabelledData;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * physics.md §6.2: every (φ, π) of the AdS-Schwarzschild experiment is relabelled here by an independent
 * forward pass (explicit Euler of §2 with h_i = 3 coth(3 η_i), m² = −1, λ = 1, N = 10 from η = 1 to 0.1, and the
 * regular horizon condition F = (2/η_fin) π − m² φ − λ φ³ of §4): label 0 exactly when |F| &lt; 0.1.
 */
class MetricLabelSamplerTest {

    @Test
    void labelsAgreeWithAnIndependentForwardPass() throws Exception {
        int positives = 1000;
        int negatives = 1000;
        Experiment e = TestSupport.build(TestSupport.adsConfig(), "data.positives=" + positives, "data.negatives=" + negatives,
                "training.seed=3");
        LabelledData d = e.data();
        assertEquals(positives + negatives, d.size());
        assertEquals(positives, d.positives());
        int nearThreshold = 0;
        int positivesSeen = 0;
        for (int i = 0; i < d.size(); i++) {
            double phi = d.x0(i);
            double pi = d.x1(i);
            assertTrue(phi >= 0.0 && phi < 1.5, "phi outside [0, 1.5): " + phi);
            assertTrue(pi >= -0.2 && pi < 0.2, "pi outside [-0.2, 0.2): " + pi);
            assertEquals(i < positives ? 0.0 : 1.0, d.label(i), "positives first (row " + i + ")");
            double f = horizonValue(phi, pi);
            assertTrue(Double.isFinite(f));
            if (Math.abs(Math.abs(f) - 0.1) < 1e-9) {
                nearThreshold++; // a rounding difference could flip these: do not judge them
                continue;
            }
            boolean positive = Math.abs(f) < 0.1;
            assertEquals(positive ? 0.0 : 1.0, d.label(i), "row " + i + " (phi " + phi + ", pi " + pi + ", F " + f + ")");
            if (positive) {
                positivesSeen++;
            }
        }
        assertTrue(nearThreshold <= 2, nearThreshold + " points within 1e-9 of the threshold");
        assertTrue(positivesSeen >= positives - nearThreshold);
    }

    @Test
    void otherThresholdOtherLabels() throws Exception {
        Experiment e = TestSupport.build(TestSupport.adsConfig(), "data.positives=300", "data.negatives=300",
                "data.threshold=0.3");
        LabelledData d = e.data();
        for (int i = 0; i < d.size(); i++) {
            double f = horizonValue(d.x0(i), d.x1(i));
            if (Math.abs(Math.abs(f) - 0.3) > 1e-9) {
                assertEquals(Math.abs(f) < 0.3 ? 0.0 : 1.0, d.label(i), "row " + i);
            }
        }
    }

    /** The true network of 1802.08313, written out independently of holo-core. */
    static double horizonValue(double phi0, double pi0) {
        double etaIni = 1.0;
        double etaFin = 0.1;
        int n = 10;
        double m2 = -1.0;
        double lambda = 1.0;
        double step = (etaFin - etaIni) / n;
        double phi = phi0;
        double pi = pi0;
        for (int i = 0; i < n; i++) {
            double eta = etaIni + i * step;
            double h = 3.0 * Math.cosh(3 * eta) / Math.sinh(3 * eta);
            double nextPhi = phi + step * pi;
            double nextPi = pi - step * (h * pi - m2 * phi - lambda * phi * phi * phi);
            phi = nextPhi;
            pi = nextPi;
        }
        return 2.0 / etaFin * pi - m2 * phi - lambda * phi * phi * phi;
    }
}
