package org.holo.core.modes;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The metric modes of a fit (physics.md §5.5): the eigenvalues and eigenvectors of the data term's Gauss–Newton
 * matrix A, and how many of its directions the data determine against the regularisers' curvature B.
 *
 * <p>Determined directions come from the pencil (A, B): a direction v is determined when the data's curvature
 * exceeds the regularisers', vᵀAv &gt; vᵀBv, i.e. a generalised eigenvalue μ of A v = μ B v above 1. They are
 * computed without inverting B (which is singular: the smoothness penalty ignores a constant shift, nothing
 * penalises L or λ): on the range of C = A + B, the eigenvalues ν of C^{−1/2} A C^{−1/2} lie in [0, 1] and
 * ν = μ/(1 + μ). The effective number of parameters the data fix is N_eff = Σ ν = Σ μ/(1 + μ) (MacKay's γ);
 * the count is #{ν &gt; 1/2} = #{μ &gt; 1}. Directions where C is flat (eigenvalue ≤ {@link #FLAT} × its largest)
 * are seen by neither and count as undetermined.
 */
public final class MetricModes {

    /** Relative size below which an eigenvalue of A + B counts as zero (neither the data nor the prior curve there). */
    public static final double FLAT = 1e-10;

    private final List<String> coordinates;
    private final double[] eigenvalues;
    private final double[][] modes;
    private final double[] generalised;
    private final double effective;
    private final int determined;

    private MetricModes(List<String> coordinates, double[] eigenvalues, double[][] modes, double[] generalised,
                        double effective, int determined) {
        this.coordinates = List.copyOf(coordinates);
        this.eigenvalues = eigenvalues;
        this.modes = modes;
        this.generalised = generalised;
        this.effective = effective;
        this.determined = determined;
    }

    /**
     * The modes of the Gauss–Newton matrix G against the regularisers' curvature {@code prior} (B), both symmetric
     * positive semi-definite in the coordinates {@code coordinates}; the data term's curvature is A = {@code
     * lossCurvature} × G (2 for a mean squared error).
     */
    public static MetricModes of(List<String> coordinates, double[][] gaussNewton, double lossCurvature, double[][] prior) {
        int p = coordinates.size();
        requireSquare(gaussNewton, p, "Gauss-Newton matrix");
        requireSquare(prior, p, "prior curvature");
        if (!(lossCurvature > 0) || !Double.isFinite(lossCurvature)) {
            throw new IllegalArgumentException("the loss curvature must be positive and finite, got " + lossCurvature);
        }
        Eigen g = Eigen.of(gaussNewton);
        double[][] data = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                data[i][j] = lossCurvature * gaussNewton[i][j];
            }
        }

        double[][] c = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c[i][j] = data[i][j] + prior[i][j];
            }
        }
        Eigen ce = Eigen.of(c);
        double largest = p == 0 ? 0.0 : Math.max(ce.values[0], 0.0);
        int kept = 0;
        while (kept < p && ce.values[kept] > FLAT * largest) {
            kept++;
        }
        // W = U_r diag(c_r^{-1/2}); M = Wᵀ A W has the eigenvalues ν of the pencil on the range of C
        double[][] w = new double[p][kept];
        for (int k = 0; k < kept; k++) {
            double s = 1.0 / Math.sqrt(ce.values[k]);
            for (int i = 0; i < p; i++) {
                w[i][k] = ce.vectors[k][i] * s;
            }
        }
        double[][] m = new double[kept][kept];
        double[] aw = new double[p];
        for (int l = 0; l < kept; l++) {
            for (int i = 0; i < p; i++) {
                double sum = 0.0;
                for (int j = 0; j < p; j++) {
                    sum += data[i][j] * w[j][l];
                }
                aw[i] = sum;
            }
            for (int k = 0; k < kept; k++) {
                double sum = 0.0;
                for (int i = 0; i < p; i++) {
                    sum += w[i][k] * aw[i];
                }
                m[k][l] = sum;
            }
        }
        symmetrise(m);
        double[] nu = kept == 0 ? new double[0] : Eigen.of(m).values;
        double[] mu = new double[p];
        double effective = 0.0;
        int determined = 0;
        for (int k = 0; k < p; k++) {
            double v = k < kept ? Math.min(1.0, Math.max(0.0, nu[k])) : 0.0;
            mu[k] = v >= 1.0 ? Double.POSITIVE_INFINITY : v / (1.0 - v);
            effective += v;
            if (v > 0.5) {
                determined++;
            }
        }
        return new MetricModes(coordinates, g.values, g.vectors, mu, effective, determined);
    }

    private static void requireSquare(double[][] m, int p, String what) {
        if (m.length != p) {
            throw new IllegalArgumentException(what + " is " + m.length + " x ..., expected " + p + " x " + p);
        }
        for (double[] row : m) {
            if (row.length != p) {
                throw new IllegalArgumentException(what + " has a row of " + row.length + ", expected " + p);
            }
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException(what + " has a non-finite entry " + x);
                }
            }
        }
    }

    private static void symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
    }

    /** The coordinates: h_0 … h_{N−1}, then L and lambda where included. */
    public List<String> coordinates() {
        return coordinates;
    }

    /** The eigenvalues of the Gauss–Newton matrix G, largest first. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * Mode k, the eigenvector of G (unit length, same order as {@link #eigenvalues()}), its components in the order of {@link #coordinates()};
     * the sign is fixed so that its largest component is positive.
     */
    public double[] mode(int k) {
        return modes[k].clone();
    }

    /** The generalised eigenvalues μ of (data, prior), largest first (+∞ where the prior is flat and the data are not). */
    public double[] generalisedEigenvalues() {
        return generalised.clone();
    }

    /** N_eff = Σ μ/(1 + μ): the effective number of parameters the data fix. */
    public double effectiveParameters() {
        return effective;
    }

    /** #{μ &gt; 1}: the directions along which the data curve the objective more than the regularisers. */
    public int determined() {
        return determined;
    }

    /** A symmetric eigendecomposition (Commons Math), eigenvalues descending, eigenvectors with a fixed sign. */
    static final class Eigen {
        final double[] values;
        final double[][] vectors;

        private Eigen(double[] values, double[][] vectors) {
            this.values = values;
            this.vectors = vectors;
        }

        static Eigen of(double[][] symmetric) {
            int p = symmetric.length;
            if (p == 0) {
                return new Eigen(new double[0], new double[0][]);
            }
            RealMatrix matrix = new Array2DRowRealMatrix(symmetric, true);
            EigenDecomposition e = new EigenDecomposition(matrix);
            double[] raw = e.getRealEigenvalues();
            Integer[] order = new Integer[p];
            for (int i = 0; i < p; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
            double[] values = new double[p];
            double[][] vectors = new double[p][];
            for (int k = 0; k < p; k++) {
                values[k] = raw[order[k]];
                double[] v = e.getEigenvector(order[k]).toArray();
                int big = 0;
                for (int i = 1; i < p; i++) {
                    if (Math.abs(v[i]) > Math.abs(v[big])) {
                        big = i;
                    }
                }
                if (v[big] < 0) {
                    for (int i = 0; i < p; i++) {
                        v[i] = -v[i];
                    }
                }
                vectors[k] = v;
            }
            return new Eigen(values, vectors);
        }
    }
}
