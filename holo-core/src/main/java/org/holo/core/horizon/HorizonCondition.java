package org.holo.core.horizon;

/**
 * The regularity condition F(φ, π) at η_fin that positive boundary data satisfy (F = 0), physics.md §4, for a
 * whole mini-batch: φ_N, π_N of sample b are phi[b], pi[b].
 */
public interface HorizonCondition {

    String name();

    /** F of samples 0 … n−1 into f[b]. */
    void values(double[] phi, double[] pi, int n, double lambda, double[] f);

    /** (∂F/∂φ, ∂F/∂π, ∂F/∂λ) of samples 0 … n−1 into dPhi[b], dPi[b], dLambda[b]. */
    void gradients(double[] phi, double[] pi, int n, double lambda, double[] dPhi, double[] dPi, double[] dLambda);

    /** F of one state (a convenience for observables and tests; allocates). */
    default double value(double phi, double pi, double lambda) {
        double[] f = new double[1];
        values(new double[] {phi}, new double[] {pi}, 1, lambda, f);
        return f[0];
    }

    /** (∂F/∂φ, ∂F/∂π, ∂F/∂λ) of one state into out[0..2] (a convenience for tests; allocates). */
    default void gradient(double phi, double pi, double lambda, double[] out) {
        double[] dPhi = {0.0};
        double[] dPi = {0.0};
        double[] dLambda = {0.0};
        gradients(new double[] {phi}, new double[] {pi}, 1, lambda, dPhi, dPi, dLambda);
        out[0] = dPhi[0];
        out[1] = dPi[0];
        out[2] = dLambda[0];
    }
}
