package org.holo.core.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The output bump t(F) = ½[tanh((F−ε)/δ) − tanh((F+ε)/δ) + 2] of physics.md §4 (ε = 0.1, δ = 0.01). */
class BumpOutputTest {

    static final double EPS = 0.1;
    static final double DELTA = 0.01;
    final BumpOutput bump = new BumpOutput(EPS, DELTA);

    /** §4 written with java.lang.Math.tanh, independent of the class's own tanh. */
    static double reference(double f) {
        return 0.5 * (Math.tanh((f - EPS) / DELTA) - Math.tanh((f + EPS) / DELTA) + 2.0);
    }

    @Test
    void valueIsZeroInsideAndOneOutside() {
        double[] out = new double[2];
        for (double f : new double[] {0.0, 0.03, -0.05, 0.06, -0.065}) { // ≥ 3.5 δ inside the edge
            bump.evaluate(f, out);
            assertTrue(out[0] < 2e-3, "t(" + f + ") = " + out[0]);
            assertEquals(out[0], bump.value(f), 1e-15);
        }
        for (double f : new double[] {0.135, -0.14, 0.3, -1.0, 5.0}) {
            bump.evaluate(f, out);
            assertTrue(out[0] > 1 - 2e-3, "t(" + f + ") = " + out[0]);
        }
        bump.evaluate(EPS, out); // on the edge: ½[0 − tanh(2ε/δ) + 2] ≈ ½
        assertEquals(0.5, out[0], 1e-8);
        bump.evaluate(0.0, out); // centre: 1 − tanh(ε/δ) = 2 e^{-20}/(1 + e^{-20})
        assertEquals(1.0 - Math.tanh(EPS / DELTA), out[0], 1e-18);
    }

    @Test
    void valueMatchesTheFormula() {
        double[] out = new double[2];
        for (double f = -0.5; f <= 0.5; f += 0.00731) {
            bump.evaluate(f, out);
            assertEquals(reference(f), out[0], 1e-15, "F = " + f);
            assertEquals(reference(f), bump.value(f), 1e-15, "F = " + f);
            assertEquals(bump.value(-f), bump.value(f), 1e-15, "t is even");
        }
    }

    @Test
    void derivativeMatchesCentralDifferencesAndTheAnalyticForm() {
        double[] out = new double[2];
        double h = 1e-6;
        for (double f = -0.3; f <= 0.3; f += 0.00377) {
            bump.evaluate(f, out);
            double fd = (reference(f + h) - reference(f - h)) / (2 * h); // of the independent formula
            double slope = 0.5 / DELTA; // the largest |dt/dF| (at the edges): an absolute scale
            assertEquals(fd, out[1], 1e-6 * slope, "F = " + f);
            double sechA = 1.0 / Math.cosh((f - EPS) / DELTA);
            double sechB = 1.0 / Math.cosh((f + EPS) / DELTA);
            double analytic = 0.5 * (sechA * sechA - sechB * sechB) / DELTA;
            assertEquals(analytic, out[1], 1e-12 * slope + 1e-12 * Math.abs(analytic), "F = " + f);
        }
        // the tails keep relative precision: dt/dF ≈ (2/δ) e^{−2(|F|−ε)/δ} at 50 δ beyond the edge
        double f = EPS + 50 * DELTA;
        bump.evaluate(f, out);
        double tail = 2.0 / DELTA * (Math.exp(-2 * (f - EPS) / DELTA) - Math.exp(-2 * (f + EPS) / DELTA));
        assertEquals(tail, out[1], 1e-12 * tail);
        assertTrue(out[1] > 0.0);
    }

    @Test
    void tailsAreFiniteForHugeArguments() {
        double[] out = new double[2];
        for (double f : new double[] {1e3, -1e3, 1e10, -1e10, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            bump.evaluate(f, out);
            assertEquals(1.0, out[0], 0.0, "t(" + f + ")");
            assertEquals(0.0, out[1], 0.0, "dt/dF(" + f + ")");
            assertEquals(1.0, bump.value(f), 0.0);
        }
    }

    /**
     * The batch form (vectorised, its sign taken without copySign) gives the one-sample form's t and dt/dF to the
     * bit: at random F, on and next to both edges, at (F ∓ ε)/δ = ±2⁻ᵏ down to the smallest where the sign still
     * shows, at ±0 and in the overflowed tails.
     */
    @Test
    void batchFormIsTheOneSampleFormToTheBit() {
        java.util.List<Double> fs = new java.util.ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (BumpOutput b : new BumpOutput[] {bump, new BumpOutput(0.5, 1.0), new BumpOutput(3.0, 1e-3)}) {
            fs.clear();
            for (int i = 0; i < 200; i++) {
                fs.add(rnd.nextDouble(-4 * b.epsilon(), 4 * b.epsilon()));
            }
            for (double edge : new double[] {b.epsilon(), -b.epsilon()}) {
                fs.add(edge);
                fs.add(Math.nextUp(edge));
                fs.add(Math.nextDown(edge));
                for (int k = 0; k <= 70; k++) {
                    fs.add(edge + b.delta() * Math.scalb(1.0, -k));
                    fs.add(edge - b.delta() * Math.scalb(1.0, -k));
                }
            }
            for (double f : new double[] {0.0, -0.0, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE}) {
                fs.add(f);
            }
            int n = fs.size();
            double[] f = fs.stream().mapToDouble(Double::doubleValue).toArray();
            double[] t = new double[n];
            double[] dtdF = new double[n];
            b.evaluate(f, n, t, dtdF);
            double[] one = new double[2];
            for (int i = 0; i < n; i++) {
                b.evaluate(f[i], one);
                assertEquals(Double.doubleToRawLongBits(one[0]), Double.doubleToRawLongBits(t[i]), "t(" + f[i] + ")");
                assertEquals(Double.doubleToRawLongBits(one[1]), Double.doubleToRawLongBits(dtdF[i]), "dt/dF(" + f[i] + ")");
            }
        }
    }

    @Test
    void rejectsNonPositiveWidths() {
        assertThrows(IllegalArgumentException.class, () -> new BumpOutput(0.0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new BumpOutput(0.1, -0.01));
        assertThrows(IllegalArgumentException.class, () -> new BumpOutput(Double.NaN, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new BumpOutput(0.1, Double.POSITIVE_INFINITY));
    }
}
