package org.holo.core.spectrum;

import java.util.List;

/**
 * The fits a learned geometry has to beat (physics.md §9.7), by unweighted least squares in m² over the trained
 * states: the plain soft wall m² = 4κ²(n+S) (one parameter) and the linear Regge form m² = a·n + b·S + c (three).
 */
public final class ReggeBaselines {

    private ReggeBaselines() {
    }

    /** κ (GeV) of the soft wall fitted to {@code states}. */
    public static double softWallKappa(List<MesonState> states) {
        double xy = 0.0;
        double xx = 0.0;
        for (MesonState s : states) {
            double x = 4.0 * (s.n() + s.spin());
            xy += x * s.mass() * s.mass();
            xx += x * x;
        }
        return Math.sqrt(xy / xx);
    }

    public static double softWallMass(double kappa, int spin, int n) {
        return 2.0 * kappa * Math.sqrt(n + spin);
    }

    /**
     * (a, b, c) in GeV² of m² = a·n + b·S + c fitted to {@code states}, or null when they do not fix all three
     * (fewer than three states, or a single spin or a single n).
     */
    public static double[] linear(List<MesonState> states) {
        double[][] m = new double[3][4];
        for (MesonState s : states) {
            double[] row = {s.n(), s.spin(), 1.0};
            double y = s.mass() * s.mass();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    m[i][j] += row[i] * row[j];
                }
                m[i][3] += row[i] * y;
            }
        }
        // Gaussian elimination with partial pivoting on the normal equations
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-12 * Math.max(1.0, states.size())) {
                return null;
            }
            for (int r = 0; r < 3; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k < 4; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    }

    /** The Regge-fit mass (GeV) of (S, n); NaN where the fit gives m² ≤ 0. */
    public static double linearMass(double[] abc, int spin, int n) {
        double m2 = abc[0] * n + abc[1] * spin + abc[2];
        return m2 > 0 ? Math.sqrt(m2) : Double.NaN;
    }
}
