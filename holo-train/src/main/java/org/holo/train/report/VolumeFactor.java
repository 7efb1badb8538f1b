package org.holo.train.report;

/**
 * The volume factor W(η) = √(f g^{d−1}) from the learned h = ∂_η log W (physics.md §1), normalised to
 * W(η_ini) = 1.
 *
 * <p>Quadrature: the trapezoid rule on the layer positions themselves. With η_0 = η_ini and η decreasing
 * towards the horizon,
 *
 * <pre>
 *   log W_0 = 0,    log W_i = log W_{i−1} + (η_i − η_{i−1}) · (h_i + h_{i−1}) / 2      (η_i − η_{i−1} = Δη &lt; 0)
 * </pre>
 *
 * so W_i = exp(∫_{η_ini}^{η_i} h dη) up to the trapezoid error O(Δη²) per unit η. It is exact for a constant
 * h (pure AdS: W = e^{d(η − η_ini)}); for AdS-Schwarzschild the exact value is sinh(dη)/sinh(dη_ini). A
 * non-finite h_i makes W non-finite from η_i on (towards the horizon): the rows before stay valid.
 */
public final class VolumeFactor {

    private VolumeFactor() {
    }

    /** log W at each η_i (log W_0 = 0); {@code eta} is ordered from η_ini (first) towards the horizon. */
    public static double[] logW(double[] eta, double[] h) {
        if (eta.length != h.length) {
            throw new IllegalArgumentException("eta and h differ in length: " + eta.length + " vs " + h.length);
        }
        double[] log = new double[eta.length];
        for (int i = 1; i < eta.length; i++) {
            log[i] = log[i - 1] + (eta[i] - eta[i - 1]) * 0.5 * (h[i] + h[i - 1]);
        }
        return log;
    }

    /** W_i = exp(log W_i), normalised so that W at η_ini (index 0) is exactly 1. */
    public static double[] normalised(double[] eta, double[] h) {
        double[] w = logW(eta, h);
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(w[i]);
        }
        return w;
    }
}
