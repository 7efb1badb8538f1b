package org.holo.core.layer;

/**
 * One pass of the discretised equation of motion ∂_η π + h π − m² φ − λ φ³ = 0 through all N layers
 * (physics.md §2), for one sample at a time, with its exact reverse (adjoint) pass. States are stored
 * in caller-owned arrays so that nothing is allocated per sample.
 */
public interface LayerMap {

    /** The scheme's name as used in configs. */
    String name();

    /** The η positions at which this scheme reads h, in the order {@code forward} expects them. */
    double[] nodes();

    /**
     * Integrates from (phi[off], pi[off]) at η_ini through all N layers, writing the state after layer i
     * into phi[off+i+1], pi[off+i+1].
     */
    void forward(double[] hNodes, double lambda, double[] phi, double[] pi, int off);

    /**
     * Reverse pass. On entry {@code adjoint} holds (∂E/∂φ_N, ∂E/∂π_N); on return it holds (∂E/∂φ_0, ∂E/∂π_0).
     * Adds ∂E/∂h_node into {@code dhNodes} and returns ∂E/∂λ through the bulk term.
     */
    double backward(double[] hNodes, double lambda, double[] phi, double[] pi, int off,
                    double[] adjoint, double[] dhNodes);
}
