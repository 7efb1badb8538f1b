package org.holo.core.spectrum;

/**
 * A smooth radial profile that vanishes at the boundary: f(z) = Σ_k c_k u^{p_k}, u = z/z_max, powers
 * p = lowest … degree with lowest ≥ 1, so f(0) = 0 (the UV condition a(0) = Φ(0) = 0 of physics.md §9.4).
 * Linear in its coefficients, so values on a fixed grid are fixed rows times c and the adjoint is their transpose.
 * The soft wall's Φ = κ²z² is the single coefficient c_2 = κ² z_max².
 */
public final class PowerSeriesProfile {

    private final double zMax;
    private final int lowest;
    private final int degree;

    public PowerSeriesProfile(double zMax, int lowest, int degree) {
        if (lowest < 1) {
            throw new IllegalArgumentException("the lowest power must be at least 1 (the profile vanishes at z = 0), got " + lowest);
        }
        if (degree < lowest) {
            throw new IllegalArgumentException("the degree (" + degree + ") must be at least the lowest power (" + lowest + ")");
        }
        this.zMax = zMax;
        this.lowest = lowest;
        this.degree = degree;
    }

    /** Number of coefficients. */
    public int size() {
        return degree - lowest + 1;
    }

    public int lowest() {
        return lowest;
    }

    public int degree() {
        return degree;
    }

    /** The power of coefficient k. */
    public int power(int k) {
        return lowest + k;
    }

    /** The k-th derivative d^k f/dz^k at z (k = 0, 1, 2, 3) for coefficients {@code c[offset …]}. */
    public double derivative(double[] c, int offset, double z, int k) {
        double u = z / zMax;
        double sum = 0.0;
        for (int i = 0; i < size(); i++) {
            int p = power(i);
            if (p < k) {
                continue;
            }
            double falling = 1.0;
            for (int j = 0; j < k; j++) {
                falling *= p - j;
            }
            sum += c[offset + i] * falling * StrictMath.pow(u, p - k);
        }
        return sum / StrictMath.pow(zMax, k);
    }

    public double value(double[] c, int offset, double z) {
        return derivative(c, offset, z, 0);
    }

    /** rows[i][k] = u_i^{p_k} at the given z: f at those points is rows · c. */
    public double[][] rows(double[] z) {
        double[][] rows = new double[z.length][size()];
        for (int i = 0; i < z.length; i++) {
            double u = z[i] / zMax;
            for (int k = 0; k < size(); k++) {
                rows[i][k] = StrictMath.pow(u, power(k));
            }
        }
        return rows;
    }

    /**
     * The matrix M with ∫₀¹ (d^q f/du^q)² du = cᵀ M c: the smoothness penalty of order q in the dimensionless
     * depth u, exact for polynomials. Order q leaves the powers below q free (q = 3: a quadratic profile costs nothing).
     */
    public double[][] roughness(int q) {
        int n = size();
        double[][] m = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int pa = power(a);
                int pb = power(b);
                if (pa < q || pb < q) {
                    continue;
                }
                m[a][b] = falling(pa, q) * falling(pb, q) / (pa - q + pb - q + 1);
            }
        }
        return m;
    }

    private static double falling(int p, int q) {
        double f = 1.0;
        for (int j = 0; j < q; j++) {
            f *= p - j;
        }
        return f;
    }
}
