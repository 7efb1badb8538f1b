package org.holo.core.loss;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.holo.core.GradientCheck;
import org.junit.jupiter.api.Test;

/** The data losses: [(1/B) Σ |t − y|]² (physics.md §5) and (1/B) Σ (t − y)², values and gradients. */
class DataLossTest {

    static double[][] batch(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] t = new double[n];
        double[] y = new double[n];
        for (int b = 0; b < n; b++) {
            t[b] = rnd.nextDouble(0.01, 0.99); // away from the |·| kink at t = y
            y[b] = rnd.nextBoolean() ? 1.0 : 0.0;
        }
        return new double[][] {t, y};
    }

    /** The vectorisable sign of the L1 loss and the bump is Math.signum to the bit, ±0, NaN, subnormals and infinities included. */
    @Test
    void signumIsMathSignumToTheBit() {
        java.util.List<Double> ds = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, Double.NaN, Double.MIN_VALUE,
                -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, -1.0));
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 2000; i++) {
            ds.add(Double.longBitsToDouble(rnd.nextLong())); // every exponent, both signs
        }
        for (double d : ds) {
            assertEquals(Double.doubleToRawLongBits(Math.signum(d)), Double.doubleToRawLongBits(org.holo.core.Signs.signum(d)),
                    "signum(" + d + ")");
        }
    }

    @Test
    void valuesFollowTheFormulas() {
        double[] t = {0.2, 0.9, 0.4, 0.0};
        double[] y = {0.0, 1.0, 1.0, 0.0};
        double l1 = (0.2 + 0.1 + 0.6 + 0.0) / 4;
        assertEquals(l1 * l1, TestComponents.loss("l1-squared").evaluate(t, y, 4, null), 1e-16);
        assertEquals((0.04 + 0.01 + 0.36) / 4, TestComponents.loss("mse").evaluate(t, y, 4, null), 1e-16);
        // only the first n entries count
        assertEquals(0.2 * 0.2, TestComponents.loss("l1-squared").evaluate(t, y, 1, null), 1e-16);
        assertEquals("l1-squared", TestComponents.loss("l1-squared").name());
        assertEquals("mse", TestComponents.loss("mse").name());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        double[][] ty = batch(7, 12);
        double[] y = ty[1];
        for (String name : TestComponents.losses()) {
            DataLoss loss = TestComponents.loss(name);
            double[] dt = new double[12];
            double value = loss.evaluate(ty[0], y, 12, dt);
            assertEquals(loss.evaluate(ty[0], y, 12, null), value, 0.0);
            // both losses are quadratic in t away from the kinks: five-point stencil exact up to rounding
            double[] fd = GradientCheck.gradient(t -> loss.evaluate(t, y, 12, null), ty[0], GradientCheck.steps(ty[0], 1e-4, 0.1));
            GradientCheck.Comparison c = GradientCheck.compare(dt, fd, 1e-9);
            assertTrue(c.within(1e-8), name + ": " + c.maxRelativeError());
        }
    }
}
