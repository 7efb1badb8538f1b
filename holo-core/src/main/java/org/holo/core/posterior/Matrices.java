package org.holo.core.posterior;

/** Small dense symmetric linear algebra (dimensions of tens): enough for Hessians, covariances and priors. */
public final class Matrices {

    private Matrices() {
    }

    /** Eigen-decomposition of a symmetric matrix: {@code a = vectors · diag(values) · vectorsᵀ}, vectors as columns. */
    public record Eigen(double[] values, double[][] vectors) {
    }

    /**
     * Cyclic Jacobi rotations: slow (n³ per sweep) but accurate to rounding for every eigenvalue, however small,
     * which is what curvature spanning ten orders of magnitude needs. Eigenvalues in decreasing order.
     */
    public static Eigen symmetricEigen(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m[i][j] + a[j][i]);
                m[i][j] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                m[i][j] = m[j][i];
            }
        }
        double[][] v = identity(n);
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0.0;
            double diag = 0.0;
            for (int i = 0; i < n; i++) {
                diag += m[i][i] * m[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            if (off <= 1e-30 * diag || off == 0.0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p][q];
                    if (apq == 0.0) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2.0 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1.0));
                    if (theta == 0.0) {
                        t = 1.0;
                    }
                    double c = 1.0 / Math.sqrt(t * t + 1.0);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] mm = m;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(mm[y][y], mm[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int c = 0; c < n; c++) {
            values[c] = m[order[c]][order[c]];
            for (int r = 0; r < n; r++) {
                vectors[r][c] = v[r][order[c]];
            }
        }
        return new Eigen(values, vectors);
    }

    public static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    /** a · x. */
    public static double[] times(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** aᵀ · x. */
    public static double[] transposeTimes(double[][] a, double[] x) {
        int n = a[0].length;
        double[] y = new double[n];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < n; j++) {
                y[j] += a[i][j] * x[i];
            }
        }
        return y;
    }

    /** f(a) = V diag(f(λ)) Vᵀ of a symmetric matrix from its eigen-decomposition. */
    public static double[][] function(Eigen e, java.util.function.DoubleUnaryOperator f) {
        int n = e.values().length;
        double[][] r = new double[n][n];
        for (int k = 0; k < n; k++) {
            double fk = f.applyAsDouble(e.values()[k]);
            for (int i = 0; i < n; i++) {
                double vik = e.vectors()[i][k] * fk;
                for (int j = 0; j < n; j++) {
                    r[i][j] += vik * e.vectors()[j][k];
                }
            }
        }
        return r;
    }

    /** V diag(f(λ)): a square root of f(a) with columns along the eigenvectors (x = m + S z maps N(0, I) to N(m, S Sᵀ)). */
    public static double[][] scaledVectors(Eigen e, java.util.function.DoubleUnaryOperator f) {
        int n = e.values().length;
        double[][] r = new double[n][n];
        for (int k = 0; k < n; k++) {
            double fk = f.applyAsDouble(e.values()[k]);
            for (int i = 0; i < n; i++) {
                r[i][k] = e.vectors()[i][k] * fk;
            }
        }
        return r;
    }
}
