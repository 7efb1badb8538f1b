package org.holo.core.observable;

/**
 * The two metric functions a Nambu–Goto string sees (physics.md §1, §7), in units of the AdS radius L:
 * <pre>
 *   ds² = −f(η) dt² + dη² + g(η) dx²,      G(η) = f(η) g(η)
 * </pre>
 * with the boundary at η → ∞ where f/g → 1 (t and x measured in the same units, so that a temperature read
 * from f near a horizon and a length measured with g refer to the same boundary clock and ruler).
 * <p>
 * Everything is given as logarithms so that the near-horizon zeros of f and the exponential growth at the
 * boundary stay in range. {@link #dLogG} must be the exact derivative of {@link #logG}: it sets the
 * endpoint behaviour of the string integrals and locates the walls (local minima of G).
 */
public interface StringGeometry {

    /** Boundary dimension d (bulk AdS_{d+1}). */
    int dimension();

    /** What the geometry is, e.g. {@code ads}, {@code ads-schwarzschild}, {@code learned}. */
    String name();

    /** How f and g were obtained: {@code exact} for closed forms, or the split of a learned W (e.g. {@code f=g}). */
    String split();

    /** One line on the assumptions behind f and g (the split, the continuations); for output files. */
    String description();

    /** log f(η). */
    double logF(double eta);

    /** log g(η). */
    double logGx(double eta);

    /** log G(η) = log f + log g. */
    default double logG(double eta) {
        return logF(eta) + logGx(eta);
    }

    /** d log G / dη, exact. */
    double dLogG(double eta);

    /**
     * Where the straight (screened) strings end: the horizon (f = 0), the infrared end of the geometry, or
     * {@code -Infinity} for pure AdS (the Poincaré horizon).
     */
    double irEnd();

    /** The deepest admissible string tip (≥ {@link #irEnd()}); {@code -Infinity} when unbounded. */
    double tipFloor();

    /** Ascending η where f or g are not smooth (kinks of h); quadrature panels are split there. */
    double[] breakpoints();

    /**
     * For η ≥ this value the geometry is exactly pure AdS with f = g = e^{2η} (L = 1), so the integrals to
     * η = ∞ are done in closed form; {@code +Infinity} when there is no such region (then the infinite range
     * is mapped to a finite one numerically).
     */
    double adsFrom();

    /** Temperature T in units of 1/L when the geometry has a regular horizon (f ≈ κ²(η − η_h)², g finite), else NaN. */
    double temperature();
}
