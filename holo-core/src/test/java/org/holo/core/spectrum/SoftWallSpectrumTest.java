package org.holo.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The flux discretisation against the exact soft wall (A = −log z, Φ = κ²z²: m²_{n,S} = 4κ²(n+S), physics.md §9.1),
 * and the tridiagonal eigensolver against Commons Math.
 */
class SoftWallSpectrumTest {

    /** The soft wall as a model: a ≡ 0 (one zero coefficient), Φ = c_2 u² with c_2 = κ² z_max². */
    static MesonModel softWall(double zMax, int points) {
        return new MesonModel(new SpectralGrid(zMax, points), new PowerSeriesProfile(zMax, 1, 1), new PowerSeriesProfile(zMax, 1, 3));
    }

    static double[] softWallParams(double kappa, double zMax) {
        return new double[] {0.0, 0.0, kappa * kappa * zMax * zMax, 0.0};
    }

    private static double maxError(double kappa, double zMax, int points, int spin, int levels) {
        MesonModel m = softWall(zMax, points);
        MesonModel.Tower t = m.tower(softWallParams(kappa, zMax), spin, levels);
        double max = 0.0;
        for (int n = 0; n < levels; n++) {
            max = Math.max(max, Math.abs(t.massSquared()[n] - 4 * kappa * kappa * (n + spin)));
        }
        return max;
    }

    @Test
    void convergesToTheExactSoftWallAtSecondOrder() {
        for (int spin = 1; spin <= 2; spin++) {
            double e1 = maxError(1.0, 8.0, 199, spin, 5);
            double e2 = maxError(1.0, 8.0, 399, spin, 5);
            double e3 = maxError(1.0, 8.0, 799, spin, 5);
            // h halves each time: an O(h²) error falls by 4
            assertEquals(4.0, e1 / e2, 0.4, "S=" + spin + ": error ratio h → h/2");
            assertEquals(4.0, e2 / e3, 0.4, "S=" + spin + ": error ratio h/2 → h/4");
            // measured: 3.4e-4 (S=1), 1.2e-3 (S=2) at n = 4; the error grows like (n+S)²h²
            assertTrue(e3 < 1.5e-3, "S=" + spin + ": max |m² − 4(n+S)| at h = 0.01 is " + e3);
            System.out.printf("S=%d max |m2 - 4(n+S)|, n<=4, kappa=1, z_max=8: N=199 %.3e, N=399 %.3e, N=799 %.3e%n", spin, e1, e2, e3);
        }
    }

    @Test
    void theShippedGridIsBelowThePdgUncertainties() {
        // experiments/*.json: z_max = 15 GeV⁻¹, N = 400; κ = 0.5 GeV puts the levels where the ρ and a₂ towers are
        double kappa = 0.5;
        MesonModel m = softWall(15.0, 400);
        for (int spin = 1; spin <= 2; spin++) {
            MesonModel.Tower t = m.tower(softWallParams(kappa, 15.0), spin, 5);
            for (int n = 0; n < 5; n++) {
                double exact = 2 * kappa * Math.sqrt(n + spin);
                double rel = Math.abs(t.mass(n) - exact) / exact;
                // the smallest relative PDG uncertainty of the five states: ρ(770), 0.25/775.26 = 3.2e-4
                assertTrue(rel < 3.2e-4 / 3, "S=" + spin + " n=" + n + ": relative mass error " + rel);
            }
        }
    }

    @Test
    void theWallIsFarEnoughForTheLevelsUsed() {
        double kappa = 0.5;
        MesonModel near = softWall(15.0, 400);
        MesonModel far = softWall(22.5, 600); // same spacing, wall 50 % further
        for (int spin = 1; spin <= 2; spin++) {
            MesonModel.Tower a = near.tower(softWallParams(kappa, 15.0), spin, 5);
            MesonModel.Tower b = far.tower(softWallParams(kappa, 22.5), spin, 5);
            for (int n = 0; n < 5; n++) {
                assertEquals(b.massSquared()[n], a.massSquared()[n], 1e-4, "S=" + spin + " n=" + n);
            }
        }
    }

    @Test
    void groundStateIsTheExactWaveFunction() {
        // ψ_{0,S} ∝ z^{S+½} e^{−κ²z²/2}; the unit eigenvector is √h ψ with h Σψ² = 1
        double kappa = 1.0;
        MesonModel m = softWall(8.0, 799);
        for (int spin = 1; spin <= 2; spin++) {
            MesonModel.Tower t = m.tower(softWallParams(kappa, 8.0), spin, 1);
            double h = m.grid().spacing();
            double[] exact = new double[m.grid().points()];
            double norm = 0.0;
            for (int i = 0; i < exact.length; i++) {
                double z = m.grid().node(i);
                exact[i] = Math.pow(z, spin + 0.5) * Math.exp(-0.5 * kappa * kappa * z * z);
                norm += h * exact[i] * exact[i];
            }
            double max = 0.0;
            for (int i = 0; i < exact.length; i++) {
                max = Math.max(max, Math.abs(t.vectors()[0][i] / Math.sqrt(h) - exact[i] / Math.sqrt(norm)));
            }
            assertTrue(max < 1e-3, "S=" + spin + ": max |ψ − ψ_exact| = " + max);
        }
    }

    @Test
    void eigensolverAgreesWithCommonsMath() {
        int n = 60;
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        for (int i = 0; i < n; i++) {
            diag[i] = 2.0 + Math.sin(1.3 * i) + 0.01 * i * i;
            if (i < n - 1) {
                off[i] = -1.0 + 0.3 * Math.cos(0.7 * i);
            }
        }
        TridiagonalEigen.Pairs mine = TridiagonalEigen.lowest(diag, off, 6);
        EigenDecomposition ref = new EigenDecomposition(diag, off);
        double[] all = ref.getRealEigenvalues().clone();
        java.util.Arrays.sort(all);
        for (int k = 0; k < 6; k++) {
            assertEquals(all[k], mine.values()[k], 1e-12 * Math.max(1.0, Math.abs(all[k])), "eigenvalue " + k);
            double[] u = mine.vectors()[k];
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                double hu = diag[i] * u[i] + (i > 0 ? off[i - 1] * u[i - 1] : 0.0) + (i < n - 1 ? off[i] * u[i + 1] : 0.0);
                res = Math.max(res, Math.abs(hu - mine.values()[k] * u[i]));
            }
            assertTrue(res < 1e-12, "residual of eigenvector " + k + ": " + res);
            for (int j = 0; j < k; j++) {
                double dot = 0.0;
                for (int i = 0; i < n; i++) {
                    dot += u[i] * mine.vectors()[j][i];
                }
                assertEquals(0.0, dot, 1e-10, "eigenvectors " + j + " and " + k + " orthogonal");
            }
        }
    }
}
