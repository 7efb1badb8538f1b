package org.holo.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The exact Hellmann–Feynman gradients of the levels (physics.md §9.3) against finite differences, and the sum rules. */
class SpectralGradientTest {

    /** A generic geometry: a and Φ both deformed, degree 4 each. */
    private static final double Z_MAX = 15.0;

    private static MesonModel model() {
        return new MesonModel(new SpectralGrid(Z_MAX, 300), new PowerSeriesProfile(Z_MAX, 1, 4), new PowerSeriesProfile(Z_MAX, 1, 4));
    }

    private static double[] params() {
        return new double[] {0.3, -0.8, 0.5, -0.2, 1.1, 50.0, -6.0, 3.0};
    }

    @Test
    void levelGradientsMatchCentralFiniteDifferences() {
        MesonModel m = model();
        double[] p = params();
        for (int spin = 1; spin <= 2; spin++) {
            MesonModel.Tower t = m.tower(p, spin, 4);
            for (int n = 0; n < 4; n++) {
                double[] g = new double[p.length];
                m.addGradient(t, n, 1.0, g);
                for (int k = 0; k < p.length; k++) {
                    double step = 1e-4 * Math.max(1.0, Math.abs(p[k]));
                    double[] up = p.clone();
                    double[] down = p.clone();
                    up[k] += step;
                    down[k] -= step;
                    double fd = (m.tower(up, spin, n + 1).massSquared()[n] - m.tower(down, spin, n + 1).massSquared()[n]) / (2 * step);
                    double scale = Math.max(Math.abs(fd), 1e-3 * t.massSquared()[n]);
                    assertEquals(fd, g[k], 1e-6 * scale, "S=" + spin + " n=" + n + " parameter " + k);
                }
            }
        }
    }

    @Test
    void shiftingBChangesNothing() {
        // H depends on differences of B only: Σ_nodes ∂λ/∂B_i + Σ_halves ∂λ/∂B_{i+½} = 0, exactly on the grid
        MesonModel m = model();
        MesonModel.Tower t = m.tower(params(), 2, 3);
        int n = m.grid().points();
        for (int level = 0; level < 3; level++) {
            double[] gNode = new double[n];
            double[] gHalf = new double[n + 1];
            FluxOperator.gradient(m.grid().spacing(), t.bNode(), t.bHalf(), t.massSquared()[level], t.vectors()[level], gNode, gHalf);
            double sum = 0.0;
            double abs = 0.0;
            for (double v : gNode) {
                sum += v;
                abs += Math.abs(v);
            }
            for (double v : gHalf) {
                sum += v;
                abs += Math.abs(v);
            }
            assertEquals(0.0, sum, 1e-12 * abs, "level " + level);
        }
    }

    @Test
    void softWallSlopeSumRule() {
        // Φ = κ²z² = c_2 u²: dm²/dκ² = z_max² ∂m²/∂c_2 = Σ_j (∂m²/∂Φ_j) z_j² = 4(n+S)
        double kappa = 0.5;
        MesonModel m = SoftWallSpectrumTest.softWall(Z_MAX, 400);
        double[] p = SoftWallSpectrumTest.softWallParams(kappa, Z_MAX);
        for (int spin = 1; spin <= 2; spin++) {
            MesonModel.Tower t = m.tower(p, spin, 4);
            for (int n = 0; n < 4; n++) {
                double[] g = new double[p.length];
                m.addGradient(t, n, 1.0, g);
                double slope = g[m.dilatonOffset() + 1] * Z_MAX * Z_MAX;
                assertEquals(4.0 * (n + spin), slope, 1e-3 * 4.0 * (n + spin), "S=" + spin + " n=" + n);
            }
        }
    }

    @Test
    void warpAndDilatonEnterThroughBOnly() {
        // B_S = Φ − (2S−1)a: for S = 1 a change δa equals a change −δΦ of the same shape, for S = 2 three times that
        MesonModel m = new MesonModel(new SpectralGrid(Z_MAX, 200), new PowerSeriesProfile(Z_MAX, 1, 3), new PowerSeriesProfile(Z_MAX, 1, 3));
        double[] p = {0.2, -0.4, 0.1, 2.0, 40.0, -5.0};
        for (int spin = 1; spin <= 2; spin++) {
            MesonModel.Tower t = m.tower(p, spin, 2);
            double[] g = new double[p.length];
            m.addGradient(t, 1, 1.0, g);
            for (int k = 0; k < 3; k++) {
                assertEquals(-(2 * spin - 1) * g[3 + k], g[k], 1e-12 * Math.abs(g[3 + k]), "S=" + spin + " power " + (k + 1));
            }
        }
    }

    @Test
    void continuumDensityMatchesTheGridGradient() {
        // δm²/δB(z) = m²ψ² − (ψ' + B'ψ/2)² for the soft-wall ground state S=1, ψ = c z^{3/2} e^{−κ²z²/2}; the node
        // plus half-point gradient per unit length approaches it
        double kappa = 0.5;
        MesonModel m = SoftWallSpectrumTest.softWall(Z_MAX, 799);
        MesonModel.Tower t = m.tower(SoftWallSpectrumTest.softWallParams(kappa, Z_MAX), 1, 1);
        int n = m.grid().points();
        double h = m.grid().spacing();
        double[] gNode = new double[n];
        double[] gHalf = new double[n + 1];
        FluxOperator.gradient(h, t.bNode(), t.bHalf(), t.massSquared()[0], t.vectors()[0], gNode, gHalf);
        double k2 = kappa * kappa;
        double norm = Math.sqrt(2.0) * k2; // ∫ z³ e^{−κ²z²} dz = 1/(2κ⁴): c² = 2κ⁴
        for (double z : new double[] {1.0, 2.5, 4.0}) {
            int i = (int) Math.round(z / h) - 1;
            double zi = m.grid().node(i);
            double psi = norm * Math.pow(zi, 1.5) * Math.exp(-0.5 * k2 * zi * zi);
            double dpsi = psi * (1.5 / zi - k2 * zi);
            double bPrime = 2 * k2 * zi + 1.0 / zi;
            double exact = 4 * k2 * psi * psi - Math.pow(dpsi + 0.5 * bPrime * psi, 2);
            double grid = (gNode[i] + 0.5 * (gHalf[i] + gHalf[i + 1])) / h;
            assertEquals(exact, grid, 2e-3 * Math.abs(4 * k2 * psi * psi), "z = " + zi);
        }
        assertTrue(true);
    }
}
