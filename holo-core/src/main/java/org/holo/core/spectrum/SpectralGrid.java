package org.holo.core.spectrum;

/**
 * The radial grid of the spectral problem (physics.md §9.2): nodes z_i = i·h, i = 1 … N, with h = z_max/(N+1),
 * and the half points z_{i+½} between them, from h/2 to z_max − h/2. ψ vanishes at z = 0 (normalisability) and
 * at the wall z = z_max (z in GeV⁻¹).
 */
public record SpectralGrid(double zMax, int points) {

    public SpectralGrid {
        if (!(zMax > 0.0) || !Double.isFinite(zMax)) {
            throw new IllegalArgumentException("z_max must be positive and finite, got " + zMax);
        }
        if (points < 2) {
            throw new IllegalArgumentException("the grid needs at least 2 interior points, got " + points);
        }
    }

    public double spacing() {
        return zMax / (points + 1);
    }

    /** z of node i = 0 … N−1 (the (i+1)-th interior point). */
    public double node(int i) {
        return (i + 1) * spacing();
    }

    /** z of half point j = 0 … N: (j + ½)·h, so node i lies between half points i and i+1. */
    public double half(int j) {
        return (j + 0.5) * spacing();
    }

    public double[] nodes() {
        double[] z = new double[points];
        for (int i = 0; i < points; i++) {
            z[i] = node(i);
        }
        return z;
    }

    public double[] halves() {
        double[] z = new double[points + 1];
        for (int j = 0; j <= points; j++) {
            z[j] = half(j);
        }
        return z;
    }
}
