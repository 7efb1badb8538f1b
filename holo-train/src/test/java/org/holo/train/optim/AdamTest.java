package org.holo.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Adam against PyTorch's update rule, written out by hand:
 * m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², p −= lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε).
 */
class AdamTest {

    /** E = Σ a_i (p_i − c_i)²: gradient 2 a_i (p_i − c_i). */
    private static final double[] A = {1.0, 3.0, 0.5, 10.0};
    private static final double[] C = {1.0, -2.0, 0.25, 7.0};

    private static double[] grad(double[] p) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = 2 * A[i] * (p[i] - C[i]);
        }
        return g;
    }

    private static boolean[] all(int n) {
        boolean[] m = new boolean[n];
        java.util.Arrays.fill(m, true);
        return m;
    }

    @Test
    void firstTwoStepsMatchThePyTorchFormula() {
        double lr = 0.05;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3; // large enough that its placement matters
        double[] p = {0.0, 0.5, -1.0, 3.0};
        Adam adam = new Adam(4, all(4), lr, b1, b2, eps);

        double[] g1 = grad(p);
        double[] expected = p.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            m[i] = (1 - b1) * g1[i];
            v[i] = (1 - b2) * g1[i] * g1[i];
            expected[i] -= lr / (1 - b1) * m[i] / (Math.sqrt(v[i]) / Math.sqrt(1 - b2) + eps);
        }
        adam.step(p, g1);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], p[i], 1e-15 * Math.max(1, Math.abs(expected[i])), "step 1, p_" + i);
        }
        // step 1 moves each entry by lr·|g|/(|g| + ε): almost exactly lr for large gradients
        assertEquals(lr * Math.abs(g1[3]) / (Math.abs(g1[3]) + eps), Math.abs(p[3] - 3.0), 1e-14);

        double[] g2 = grad(p);
        for (int i = 0; i < 4; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g2[i];
            v[i] = b2 * v[i] + (1 - b2) * g2[i] * g2[i];
            expected[i] -= lr / (1 - b1 * b1) * m[i] / (Math.sqrt(v[i]) / Math.sqrt(1 - b2 * b2) + eps);
        }
        adam.step(p, g2);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], p[i], 1e-14 * Math.max(1, Math.abs(expected[i])), "step 2, p_" + i);
        }
        assertEquals(2, adam.steps());
    }

    @Test
    void epsilonIsAddedAfterTheBiasCorrection() {
        // PyTorch adds ε to √v/√(1−β₂ᵗ); the "efficient" form of the Adam paper (TensorFlow) adds it to √v, which
        // at step 1 acts like ε/√(1−β₂) = 31.6 ε. With |g| ≪ ε the two differ by a factor ~30.
        double lr = 1.0;
        double eps = 1e-2;
        double g = 1e-3;
        Adam adam = new Adam(1, all(1), lr, 0.9, 0.999, eps);
        double[] p = {0.0};
        adam.step(p, new double[] {g});
        double pytorch = -lr * g / (g + eps);
        double tensorflow = -lr * g / (g + eps / Math.sqrt(1 - 0.999));
        assertEquals(pytorch, p[0], 1e-15);
        assertEquals(true, Math.abs(p[0] - tensorflow) > 0.05);
    }

    @Test
    void fixedEntriesNeverMove() {
        boolean[] mask = {true, false, true, false};
        Adam adam = new Adam(4, mask, 0.1, 0.9, 0.999, 1e-8);
        double[] p = {0.0, 0.5, -1.0, 3.0};
        for (int t = 0; t < 200; t++) {
            double[] g = grad(p);
            g[1] = 1e6; // a huge gradient on a fixed entry
            g[3] = -1e6;
            adam.step(p, g);
            assertEquals(0.5, p[1], 0.0);
            assertEquals(3.0, p[3], 0.0);
        }
        // the trainable ones did move towards the minimum
        assertEquals(C[0], p[0], 0.05);
        assertEquals(C[2], p[2], 0.05);
        double[] s = adam.state();
        assertEquals(0.0, s[1], 0.0, "no first moment for a fixed entry");
        assertEquals(0.0, s[4 + 3], 0.0, "no second moment for a fixed entry");
    }

    @Test
    void convergesOnTheQuadratic() {
        Adam adam = new Adam(4, all(4), 0.01, 0.9, 0.999, 1e-8);
        double[] p = {0.0, 0.5, -1.0, 3.0};
        for (int t = 0; t < 5000; t++) {
            adam.step(p, grad(p));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(C[i], p[i], 1e-3, "p_" + i);
        }
    }

    @Test
    void stateRestoreContinuesIdentically() {
        Adam a = new Adam(4, all(4), 0.02, 0.9, 0.999, 1e-8);
        double[] p = {0.0, 0.5, -1.0, 3.0};
        for (int t = 0; t < 17; t++) {
            a.step(p, grad(p));
        }
        double[] saved = a.state();
        assertEquals(2 * 4 + 3, saved.length);
        assertEquals(17.0, saved[saved.length - 1]);
        assertEquals(Math.pow(0.9, 17), saved[8], 1e-15);
        assertEquals(Math.pow(0.999, 17), saved[9], 1e-15);
        double[] q = p.clone();
        for (int t = 0; t < 25; t++) {
            a.step(p, grad(p));
        }
        Adam b = new Adam(4, all(4), 0.02, 0.9, 0.999, 1e-8);
        b.restore(saved);
        assertEquals(17, b.steps());
        for (int t = 0; t < 25; t++) {
            b.step(q, grad(q));
        }
        assertArrayEquals(p, q, 0.0, "restored optimiser must continue bit for bit");
        assertArrayEquals(a.state(), b.state(), 0.0);

        // a fresh optimiser (no restore) does not: the bias correction restarts
        Adam fresh = new Adam(4, all(4), 0.02, 0.9, 0.999, 1e-8);
        double[] r = q.clone();
        fresh.step(r, grad(r));
        double[] r2 = q.clone();
        Adam restored = new Adam(4, all(4), 0.02, 0.9, 0.999, 1e-8);
        restored.restore(b.state());
        restored.step(r2, grad(r2));
        assertEquals(false, java.util.Arrays.equals(r, r2));

        assertThrows(IllegalArgumentException.class, () -> b.restore(new double[5]));
        double[] s = b.state();
        s[0] = 12345;
        assertEquals(false, b.state()[0] == 12345, "state() is a copy");
    }

    @Test
    void rejectsBadHyperparameters() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, all(1), 0.0, 0.9, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, all(1), Double.NaN, 0.9, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, all(1), Double.POSITIVE_INFINITY, 0.9, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, all(1), 0.1, 1.0, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, all(1), 0.1, 0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, all(1), 0.1, 0.9, 0.999, 0.0));
    }
}
