package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import org.holo.core.data.NumericTable;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;

class PolynomialFitTest {

    @Test
    void recoversAnExactCubicFromSixPoints() {
        double[] c = {0.7, -1.3, 0.25, 0.5}; // 0.7 − 1.3x + 0.25x² + 0.5x³
        double[] x = {-2.0, -0.5, 0.0, 1.0, 2.5, 3.0};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = c[0] + c[1] * x[i] + c[2] * x[i] * x[i] + c[3] * x[i] * x[i] * x[i];
        }
        PolynomialFit fit = PolynomialFit.fit(x, y, 3, "test");
        double[] got = fit.coefficients();
        assertEquals(4, got.length);
        for (int k = 0; k < 4; k++) {
            assertEquals(c[k], got[k], 1e-10, "coefficient " + k);
        }
        for (double t = -3; t <= 4; t += 0.25) {
            double exact = c[0] + c[1] * t + c[2] * t * t + c[3] * t * t * t;
            assertEquals(exact, fit.value(t), 1e-10 * Math.max(1, Math.abs(exact)), "value at " + t);
        }
    }

    @Test
    void recoversACubicAtPhysicalScales() {
        // m_q ~ 0.02 GeV, sigma ~ 0.1 GeV^3: columns of the design matrix differ by 5 orders of magnitude
        double[] c = {0.001, 9.0, -250.0, 3000.0};
        double[] x = {0.0007, 0.0013, 0.0027, 0.0054, 0.0108, 0.0216};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = c[0] + c[1] * x[i] + c[2] * x[i] * x[i] + c[3] * x[i] * x[i] * x[i];
        }
        PolynomialFit fit = PolynomialFit.fit(x, y, 3, "test");
        for (double t = 0; t <= 0.022; t += 0.001) {
            double exact = c[0] + c[1] * t + c[2] * t * t + c[3] * t * t * t;
            assertEquals(exact, fit.value(t), 1e-10 * Math.max(1e-3, Math.abs(exact)), "value at " + t);
        }
        double[] got = fit.coefficients();
        for (int k = 0; k < 4; k++) {
            assertEquals(c[k], got[k], 1e-7 * Math.abs(c[k]), "coefficient " + k);
        }
    }

    @Test
    void leastSquaresAgreesWithCommonsMathOnTheLatticeData() throws IOException {
        NumericTable t = DataSources.readTable(TestSupport.latticeCsv(), DataSources.QCD_POINT_COLUMNS);
        double[] x = t.column("m_q_GeV");
        double[] y = t.column("condensate_GeV3");
        assertEquals(6, x.length);
        PolynomialFit fit = PolynomialFit.fit(x, y, 3, "lattice");
        WeightedObservedPoints obs = new WeightedObservedPoints();
        for (int i = 0; i < x.length; i++) {
            obs.add(x[i], y[i]);
        }
        double[] ref = PolynomialCurveFitter.create(3).withMaxIterations(10_000).fit(obs.toList());
        for (double m = 0; m <= 0.022; m += 0.0005) {
            double r = ref[0] + m * (ref[1] + m * (ref[2] + m * ref[3]));
            assertEquals(r, fit.value(m), 1e-9, "fit at m_q = " + m);
        }
        // a cubic through six smooth points: residuals well inside the band half-width (noise 0.004)
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], fit.value(x[i]), 0.002, "residual at m_q = " + x[i]);
        }
    }

    @Test
    void lineThroughTwoPointsAndConstantFit() {
        PolynomialFit line = PolynomialFit.fit(new double[] {1, 3}, new double[] {2, 6}, 1, "line");
        assertEquals(0.0, line.coefficients()[0], 1e-14);
        assertEquals(2.0, line.coefficients()[1], 1e-14);
        PolynomialFit mean = PolynomialFit.fit(new double[] {1, 2, 3}, new double[] {1, 2, 6}, 0, "mean");
        assertEquals(3.0, mean.value(100), 1e-14, "a degree-0 least-squares fit is the mean");
    }

    @Test
    void tooFewPointsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolynomialFit.fit(new double[] {1, 2, 3}, new double[] {1, 4, 9}, 3, "points.csv"));
        TestSupport.assertContainsAll(e.getMessage(), "points.csv", "degree-3", "at least 4 points", "3");
        assertThrows(IllegalArgumentException.class, () -> PolynomialFit.fit(new double[0], new double[0], 0, "empty"));
    }

    @Test
    void repeatedAbscissaeAndNegativeDegreeAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolynomialFit.fit(new double[] {1, 1, 1, 1, 2}, new double[] {1, 2, 3, 4, 5}, 3, "dup.csv"));
        TestSupport.assertContainsAll(e.getMessage(), "dup.csv", "distinct");
        assertThrows(IllegalArgumentException.class, () -> PolynomialFit.fit(new double[] {1}, new double[] {1}, -1, "neg"));
    }
}
