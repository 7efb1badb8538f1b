package org.holo.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.junit.jupiter.api.Test;

/** The table metric is the natural cubic spline through its rows: against Commons Math's, and its own properties. */
class TabulatedMetricTest {

    private static final double[] ETA = {0.12, 0.2, 0.35, 0.5, 0.61, 0.8, 1.0, 1.2};

    private static double dip(double eta) {
        return 4.0 / Math.tanh(4.0 * eta) - 1.5 * Math.exp(-Math.pow((eta - 0.6) / 0.1, 2));
    }

    @Test
    void isTheNaturalCubicSplineThroughTheRows() {
        double[] h = new double[ETA.length];
        for (int i = 0; i < ETA.length; i++) {
            h[i] = dip(ETA[i]);
        }
        TabulatedMetric m = new TabulatedMetric(ETA, h);
        PolynomialSplineFunction reference = new SplineInterpolator().interpolate(ETA, h);
        for (double x = 0.12; x <= 1.2; x += 0.0037) {
            assertEquals(reference.value(x), m.h(x), 1e-12 * (1 + Math.abs(reference.value(x))), "eta " + x);
        }
        for (int i = 0; i < ETA.length; i++) {
            assertEquals(h[i], m.h(ETA[i]), 0.0, "exact at row " + i);
        }
        // rows given from the boundary down (descending) read the same
        double[] etaDown = new double[ETA.length];
        double[] hDown = new double[ETA.length];
        for (int i = 0; i < ETA.length; i++) {
            etaDown[i] = ETA[ETA.length - 1 - i];
            hDown[i] = h[ETA.length - 1 - i];
        }
        TabulatedMetric down = new TabulatedMetric(etaDown, hDown);
        assertEquals(m.h(0.4321), down.h(0.4321), 0.0);
        // natural: a straight line beyond the ends, continuing the end slope
        double slope = reference.derivative().value(1.2);
        assertEquals(h[ETA.length - 1] + 0.1 * slope, m.h(1.3), 1e-10);
        assertTrue(m.spans(new double[] {0.12, 1.2, 0.5}));
        assertFalse(m.spans(new double[] {0.1}));
    }

    @Test
    void twoRowsAreAStraightLineAndALinearTableIsReproducedEverywhere() {
        TabulatedMetric two = new TabulatedMetric(new double[] {0.0, 1.0}, new double[] {1.0, 3.0});
        assertEquals(2.0, two.h(0.5), 1e-15);
        TabulatedMetric line = new TabulatedMetric(ETA, java.util.Arrays.stream(ETA).map(e -> 2 - 3 * e).toArray());
        for (double x = 0.12; x <= 1.2; x += 0.01) {
            assertEquals(2 - 3 * x, line.h(x), 1e-13);
        }
    }

    @Test
    void badRowsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TabulatedMetric(new double[] {0.1, 0.3, 0.2}, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("row 2: eta is not strictly monotone"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TabulatedMetric(new double[] {0.1, 0.1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new TabulatedMetric(new double[] {0.1, 0.2}, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new TabulatedMetric(new double[] {0.1}, new double[] {1}));
    }
}
