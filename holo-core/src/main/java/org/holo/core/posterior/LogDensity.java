package org.holo.core.posterior;

/** A log density up to a constant, with its exact gradient: what the sampler and the Laplace approximation see. */
public interface LogDensity {

    /** Number of coordinates. */
    int dimension();

    /**
     * log π(x) up to a constant; when {@code grad} is not null it is overwritten with ∇ log π(x). A point outside
     * the support or where the model overflows returns −∞ or NaN (the sampler rejects it).
     */
    double value(double[] x, double[] grad);
}
