package org.holo.core.metric;

/**
 * Linear least squares min ‖A x − b‖₂ by Householder QR: the smooth parametrisations fit their coefficients to a
 * start this way. QR rather than the normal equations, which would square the condition number of A.
 */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * The least-squares solution of A x = b, with A given by rows (m ≥ n, full column rank). A and b are not changed.
     *
     * @throws IllegalArgumentException when A has fewer rows than columns or is numerically rank-deficient
     */
    static double[] solve(double[][] a, double[] b) {
        int m = a.length;
        int n = a[0].length;
        if (m < n) {
            throw new IllegalArgumentException("least squares needs at least as many points (" + m + ") as unknowns (" + n + ")");
        }
        double[][] r = new double[m][];
        for (int i = 0; i < m; i++) {
            r[i] = a[i].clone();
        }
        double[] y = b.clone();
        double scale = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int k = 0; k < n; k++) {
            double norm = 0.0;
            for (int i = k; i < m; i++) {
                norm += r[i][k] * r[i][k];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-13 * scale)) {
                throw new IllegalArgumentException("least squares: the basis is rank-deficient at the given points (column " + k + ")");
            }
            double alpha = r[k][k] > 0 ? -norm : norm;
            // Householder vector v = x − α e_k, applied as I − 2 v vᵀ / vᵀv
            double[] v = new double[m - k];
            for (int i = k; i < m; i++) {
                v[i - k] = r[i][k];
            }
            v[0] -= alpha;
            double vv = 0.0;
            for (double x : v) {
                vv += x * x;
            }
            for (int j = k; j < n; j++) {
                double dot = 0.0;
                for (int i = k; i < m; i++) {
                    dot += v[i - k] * r[i][j];
                }
                double f = 2.0 * dot / vv;
                for (int i = k; i < m; i++) {
                    r[i][j] -= f * v[i - k];
                }
            }
            double dot = 0.0;
            for (int i = k; i < m; i++) {
                dot += v[i - k] * y[i];
            }
            double f = 2.0 * dot / vv;
            for (int i = k; i < m; i++) {
                y[i] -= f * v[i - k];
            }
        }
        double[] x = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            double s = y[k];
            for (int j = k + 1; j < n; j++) {
                s -= r[k][j] * x[j];
            }
            x[k] = s / r[k][k];
        }
        return x;
    }
}
