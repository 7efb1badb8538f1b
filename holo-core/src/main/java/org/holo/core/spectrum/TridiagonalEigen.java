package org.holo.core.spectrum;

/**
 * The lowest eigenpairs of a real symmetric tridiagonal matrix: eigenvalues by Sturm-sequence bisection (to the
 * last bit the bisection can resolve), eigenvectors by inverse iteration with a pivoted tridiagonal LU. Plain
 * sequential double arithmetic, so the same matrix always gives the same bits. Cost O(N) per bisection step and
 * per solve, against O(N³) for a full decomposition; Sturm–Liouville spectra are non-degenerate, which inverse
 * iteration needs.
 */
public final class TridiagonalEigen {

    private static final int INVERSE_ITERATIONS = 3;

    private TridiagonalEigen() {
    }

    /** Eigenvalues λ_0 &lt; … &lt; λ_{k−1} (ascending) and unit eigenvectors {@code vectors[n]}. */
    public record Pairs(double[] values, double[][] vectors) {
    }

    /**
     * The {@code count} lowest eigenpairs of the matrix with diagonal {@code diag} (length N) and off-diagonal
     * {@code off} (length N−1, off[i] couples i and i+1). Each eigenvector's sign is fixed so that its first
     * entry of magnitude above 10⁻³ of its largest is positive (for a Sturm–Liouville ground state: positive).
     */
    public static Pairs lowest(double[] diag, double[] off, int count) {
        int n = diag.length;
        if (off.length != n - 1) {
            throw new IllegalArgumentException("off-diagonal must have " + (n - 1) + " entries, got " + off.length);
        }
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("count must lie in 1.." + n + ", got " + count);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0.0) + (i < n - 1 ? Math.abs(off[i]) : 0.0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
        }
        double[] values = new double[count];
        double[][] vectors = new double[count][];
        double floor = lo;
        for (int k = 0; k < count; k++) {
            values[k] = bisect(diag, off, k, floor, hi);
            floor = values[k];
            vectors[k] = inverseIteration(diag, off, values[k], hi - lo);
        }
        return new Pairs(values, vectors);
    }

    /** How many eigenvalues lie below x (Sturm count of the LDLᵀ pivots of T − x). */
    static int countBelow(double[] diag, double[] off, double x) {
        int count = 0;
        double q = diag[0] - x;
        for (int i = 0; ; i++) {
            if (q == 0.0) {
                q = -Double.MIN_NORMAL; // x is an eigenvalue of the leading block: count it as just below
            }
            if (q < 0.0) {
                count++;
            }
            if (i == diag.length - 1) {
                return count;
            }
            q = diag[i + 1] - x - off[i] * off[i] / q;
        }
    }

    /** Eigenvalue number k (0-based) in [lo, hi], bisected until the interval cannot shrink. */
    private static double bisect(double[] diag, double[] off, int k, double lo, double hi) {
        double a = lo;
        double b = hi;
        while (true) {
            double mid = 0.5 * (a + b);
            if (mid <= a || mid >= b) {
                return b;
            }
            if (countBelow(diag, off, mid) > k) {
                b = mid;
            } else {
                a = mid;
            }
        }
    }

    /** (T − λ)x = b solved repeatedly from b = (1, …, 1), normalised each time; the sign fixed as documented. */
    private static double[] inverseIteration(double[] diag, double[] off, double lambda, double spread) {
        int n = diag.length;
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / Math.sqrt(n));
        if (n == 1) {
            x[0] = 1.0;
            return x;
        }
        double tiny = Math.ulp(Math.max(spread, Math.abs(lambda))) * n;
        double[] dl = new double[n - 1];
        double[] d = new double[n];
        double[] du = new double[n - 1];
        double[] du2 = new double[Math.max(n - 2, 0)];
        boolean[] swapped = new boolean[n - 1];
        for (int i = 0; i < n; i++) {
            d[i] = diag[i] - lambda;
        }
        System.arraycopy(off, 0, dl, 0, n - 1);
        System.arraycopy(off, 0, du, 0, n - 1);
        factor(dl, d, du, du2, swapped, tiny);
        for (int it = 0; it < INVERSE_ITERATIONS; it++) {
            solve(dl, d, du, du2, swapped, x);
            double norm = 0.0;
            for (double v : x) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                x[i] /= norm;
            }
        }
        double max = 0.0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        for (double v : x) {
            if (Math.abs(v) > 1e-3 * max) {
                if (v < 0.0) {
                    for (int i = 0; i < n; i++) {
                        x[i] = -x[i];
                    }
                }
                break;
            }
        }
        return x;
    }

    /** LU with partial pivoting of a tridiagonal matrix, in place (the LAPACK dgttrf layout); zero pivots become tiny. */
    private static void factor(double[] dl, double[] d, double[] du, double[] du2, boolean[] swapped, double tiny) {
        int n = d.length;
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                if (d[i] == 0.0) {
                    d[i] = tiny;
                }
                double fact = dl[i] / d[i];
                dl[i] = fact;
                d[i + 1] -= fact * du[i];
                if (i < n - 2) {
                    du2[i] = 0.0;
                }
            } else {
                double fact = d[i] / dl[i];
                d[i] = dl[i];
                dl[i] = fact;
                double temp = du[i];
                du[i] = d[i + 1];
                d[i + 1] = temp - fact * d[i + 1];
                if (i < n - 2) {
                    du2[i] = du[i + 1];
                    du[i + 1] = -fact * du[i + 1];
                }
                swapped[i] = true;
            }
        }
        if (d[n - 1] == 0.0) {
            d[n - 1] = tiny;
        }
    }

    private static void solve(double[] dl, double[] d, double[] du, double[] du2, boolean[] swapped, double[] b) {
        int n = d.length;
        for (int i = 0; i < n - 1; i++) {
            if (!swapped[i]) {
                b[i + 1] -= dl[i] * b[i];
            } else {
                double temp = b[i];
                b[i] = b[i + 1];
                b[i + 1] = temp - dl[i] * b[i];
            }
        }
        b[n - 1] /= d[n - 1];
        if (n > 1) {
            b[n - 2] = (b[n - 2] - du[n - 2] * b[n - 1]) / d[n - 2];
        }
        for (int i = n - 3; i >= 0; i--) {
            b[i] = (b[i] - du[i] * b[i + 1] - du2[i] * b[i + 2]) / d[i];
        }
    }
}
