package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.holo.core.data.LabelledData;
import org.holo.core.data.NumericTable;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * physics.md §6.1: a point (m_q, σ) uniform in the box is positive when |σ − fit(m_q)| &lt; |ξ|, ξ ~ N(0, s²).
 * Positivity is random, so the test is statistical: the distance d = |σ − fit(m_q)| of the positives has
 * density ∝ P(|ξ| &gt; d) = erfc(d / (s√2)) over the box and that of the negatives ∝ erf(d / (s√2)); their means
 * and spreads are computed here by numerical integration and compared with the samples within 5 standard errors.
 */
class BandSamplerTest {

    private static final double MQ_MAX = 0.022;
    private static final double SIGMA_MAX = 0.11;
    private static final double NOISE = 0.004;

    @Test
    void qcdBandSamplesConcentrateOnTheFittedCurve() throws Exception {
        int positives = 3000;
        int negatives = 3000;
        Experiment e = TestSupport.build(TestSupport.qcdConfig(), "data.positives=" + positives, "data.negatives=" + negatives);
        LabelledData d = e.data();
        assertEquals(positives + negatives, d.size());
        assertEquals(positives, d.positives());
        assertEquals(List.of("m_q_GeV", "condensate_GeV3"), d.inputColumns());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(i < positives ? 0.0 : 1.0, d.label(i), "positives first, then negatives (row " + i + ")");
            assertTrue(d.x0(i) >= 0 && d.x0(i) < MQ_MAX, "m_q outside the box: " + d.x0(i));
            assertTrue(d.x1(i) >= 0 && d.x1(i) < SIGMA_MAX, "sigma outside the box: " + d.x1(i));
        }

        NumericTable t = DataSources.readTable(TestSupport.latticeCsv(), DataSources.QCD_POINT_COLUMNS);
        PolynomialFit fit = PolynomialFit.fit(t.column("m_q_GeV"), t.column("condensate_GeV3"), 3, "lattice");

        double[][] expected = expectedDistanceMoments(fit);
        double[] posStats = distanceStats(d, fit, 0, positives);
        double[] negStats = distanceStats(d, fit, positives, positives + negatives);

        double posMean = expected[0][0];
        double posSe = Math.sqrt(expected[0][1] - posMean * posMean) / Math.sqrt(positives);
        double negMean = expected[1][0];
        double negSe = Math.sqrt(expected[1][1] - negMean * negMean) / Math.sqrt(negatives);
        // sanity of the integration itself: far from the box edges E[d | positive] = s √(π/8) = 0.627 s
        assertEquals(NOISE * Math.sqrt(Math.PI / 8), posMean, 0.1 * NOISE);
        assertEquals(posMean, posStats[0], 5 * posSe, "mean |sigma - fit| of the positives");
        assertEquals(negMean, negStats[0], 5 * negSe, "mean |sigma - fit| of the negatives");
        assertTrue(posStats[0] < 0.2 * negStats[0], "positives must hug the curve: " + posStats[0] + " vs " + negStats[0]);
        // a positive beyond 6 s from the curve has probability < 1e-8 per point
        assertTrue(posStats[1] < 6 * NOISE, "farthest positive at " + posStats[1]);
    }

    @Test
    void constantBandWithSmallNoise() {
        // fit = 0.5 exactly (degree 0 through equal values); noise 0.01: positives within 6 noise of 0.5
        PolynomialFit flat = PolynomialFit.fit(new double[] {0, 1}, new double[] {0.5, 0.5}, 0, "flat");
        BandSampler s = new BandSampler(flat, new double[] {-1, 1}, new double[] {0, 1}, 0.01);
        LabelledData d = s.sample(List.of("a", "b"), 500, 700, new Rng(3));
        assertEquals(1200, d.size());
        assertEquals(500, d.positives());
        double sumPos = 0;
        for (int i = 0; i < 500; i++) {
            assertEquals(0.0, d.label(i));
            assertTrue(Math.abs(d.x1(i) - 0.5) < 0.06, "positive at " + d.x1(i));
            sumPos += Math.abs(d.x1(i) - 0.5);
        }
        // E[d | positive] = s √(π/8) when the band is far from the box edges; SE of 500 points < 0.0004
        assertEquals(0.01 * Math.sqrt(Math.PI / 8), sumPos / 500, 0.002);
        double sumNeg = 0;
        for (int i = 500; i < 1200; i++) {
            assertEquals(1.0, d.label(i));
            assertTrue(d.x0(i) >= -1 && d.x0(i) < 1);
            sumNeg += Math.abs(d.x1(i) - 0.5);
        }
        // negatives are nearly uniform in [0, 1]: E|σ − 0.5| ≈ 0.25
        assertEquals(0.25, sumNeg / 700, 0.03);
    }

    @Test
    void sameRngSameSample() {
        PolynomialFit flat = PolynomialFit.fit(new double[] {0, 1}, new double[] {0.5, 0.5}, 0, "flat");
        BandSampler s = new BandSampler(flat, new double[] {0, 1}, new double[] {0, 1}, 0.05);
        assertTrue(TestSupport.sameData(s.sample(List.of("a", "b"), 50, 50, new Rng(9)),
                s.sample(List.of("a", "b"), 50, 50, new Rng(9))));
    }

    @Test
    void bandOutsideTheBoxIsAnErrorNotAnEndlessLoop() {
        PolynomialFit far = PolynomialFit.fit(new double[] {0, 1}, new double[] {10.0, 10.0}, 0, "far");
        BandSampler s = new BandSampler(far, new double[] {0, 1}, new double[] {0, 1}, 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.sample(List.of("a", "b"), 1, 1, new Rng(1)));
        TestSupport.assertContainsAll(e.getMessage(), "0 positives", "does not intersect");
    }

    /** [0] = positives, [1] = negatives; each {E[d], E[d²]} under the sampling model, by midpoint integration. */
    private static double[][] expectedDistanceMoments(PolynomialFit fit) {
        int nm = 200;
        int ns = 11_000; // σ step 1e-5 GeV³ = s / 400
        double dm = MQ_MAX / nm;
        double ds = SIGMA_MAX / ns;
        double[] w = new double[2];
        double[] m1 = new double[2];
        double[] m2 = new double[2];
        for (int i = 0; i < nm; i++) {
            double f = fit.value((i + 0.5) * dm);
            for (int j = 0; j < ns; j++) {
                double dist = Math.abs((j + 0.5) * ds - f);
                double p = dist > 8 * NOISE ? 0.0 : Erf.erfc(dist / (NOISE * Math.sqrt(2)));
                w[0] += p;
                m1[0] += p * dist;
                m2[0] += p * dist * dist;
                w[1] += 1 - p;
                m1[1] += (1 - p) * dist;
                m2[1] += (1 - p) * dist * dist;
            }
        }
        return new double[][] {{m1[0] / w[0], m2[0] / w[0]}, {m1[1] / w[1], m2[1] / w[1]}};
    }

    /** {mean, max} of |σ − fit(m_q)| over rows [from, to). */
    private static double[] distanceStats(LabelledData d, PolynomialFit fit, int from, int to) {
        double sum = 0;
        double max = 0;
        for (int i = from; i < to; i++) {
            double dist = Math.abs(d.x1(i) - fit.value(d.x0(i)));
            sum += dist;
            max = Math.max(max, dist);
        }
        return new double[] {sum / (to - from), max};
    }
}
