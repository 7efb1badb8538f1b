package org.holo.core.metric;

/**
 * An exact metric function h(η) = ∂_η log √(f g^{d−1}) (physics.md §1).
 */
@FunctionalInterface
public interface Metric {

    double h(double eta);

    /** h sampled at the given radial positions. */
    default double[] sample(double[] etas) {
        double[] out = new double[etas.length];
        for (int i = 0; i < etas.length; i++) {
            out[i] = h(etas[i]);
        }
        return out;
    }
}
