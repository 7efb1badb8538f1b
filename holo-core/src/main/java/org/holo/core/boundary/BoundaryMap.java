package org.holo.core.boundary;

import java.util.List;
import org.holo.core.model.ParameterSpec;

/**
 * The input layer: boundary data (two numbers per sample) to the bulk initial values (φ, π) at η_ini, for a whole
 * mini-batch (column arrays, sample b at index b). It may depend on parameters of its own (the blocks it declares,
 * e.g. the AdS radius L) and on the coupling λ.
 */
public interface BoundaryMap {

    /** The map's name as used in configs. */
    String name();

    /** The names (with units) of the two input columns of a data file, e.g. {@code m_q_GeV, condensate_GeV3}. */
    List<String> inputColumns();

    /** Whether the map's first block is the AdS radius L (in GeV⁻¹), which observables then read. */
    boolean usesRadius();

    /** The blocks this map adds to the parameter vector, in order (the AdS radius L when it uses one). */
    List<ParameterSpec> parameters();

    /**
     * Writes (φ(η_ini), π(η_ini)) of samples 0 … n−1 into phi[b], pi[b]. The map's own parameters are
     * {@code params[offset …]}, its blocks contiguous in the order of {@link #parameters()}.
     */
    void forward(double[] params, int offset, double lambda, double[] x0, double[] x1, int n, double[] phi, double[] pi);

    /**
     * Given (∂E/∂φ_0, ∂E/∂π_0) of sample b in adjPhi[b], adjPi[b], adds that sample's ∂E/∂(its parameter k) into
     * dParams[k][b] (k counting over the entries of all its blocks) and its ∂E/∂λ through this layer into dLambda[b];
     * the caller zeroes both for samples 0 … n−1 first, and sums over the samples in order.
     */
    void backward(double[] params, int offset, double lambda, double[] x0, double[] x1, int n,
                  double[] adjPhi, double[] adjPi, double[][] dParams, double[] dLambda);
}
