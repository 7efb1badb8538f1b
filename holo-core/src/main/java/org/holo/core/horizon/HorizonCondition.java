package org.holo.core.horizon;

/** The regularity condition F(φ, π) at η_fin that positive boundary data satisfy (F = 0), physics.md §4. */
public interface HorizonCondition {

    String name();

    double value(double phi, double pi, double lambda);

    /** Writes (∂F/∂φ, ∂F/∂π, ∂F/∂λ) into out[0..2]. */
    void gradient(double phi, double pi, double lambda, double[] out);
}
