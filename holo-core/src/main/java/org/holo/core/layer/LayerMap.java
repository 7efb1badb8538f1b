package org.holo.core.layer;

/**
 * One pass of the discretised equation of motion ∂_η π + h π − m² φ − λ φ³ = 0 through all N layers
 * (physics.md §2) for a whole mini-batch, with its exact reverse (adjoint) pass. States are layer-major (structure
 * of arrays): {@code phi[i][b]} is φ after layer i of sample b, so the inner loop of a scheme runs over the samples
 * of one layer, independent of each other, and the JIT vectorises it. Every array is caller-owned: nothing is
 * allocated per batch.
 */
public interface LayerMap {

    /** The scheme's name as used in configs. */
    String name();

    /** The η positions at which this scheme reads h, in the order {@code forward} expects them. */
    double[] nodes();

    /**
     * Where each per-sample contribution to ∂E/∂h goes: entry s is the node of slot s, the slots in the order a
     * one-sample reverse pass adds them (a node may get several). The caller sums slot by slot, sample by sample
     * (sample-major, as a loop over samples would), so a scheme's gradient does not depend on the batch layout.
     * One slot per node by default.
     */
    default int[] dhSlots() {
        int[] slots = new int[nodes().length];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = s;
        }
        return slots;
    }

    /**
     * Integrates samples 0 … n−1 from (phi[0][b], pi[0][b]) at η_ini through all N layers, writing the state
     * after layer i into phi[i+1][b], pi[i+1][b].
     */
    void forward(double[] hNodes, double lambda, double[][] phi, double[][] pi, int n);

    /**
     * Reverse pass over samples 0 … n−1, given the states of {@link #forward}. On entry adjPhi[b], adjPi[b] hold
     * (∂E/∂φ_N, ∂E/∂π_N) of sample b; on return (∂E/∂φ_0, ∂E/∂π_0). Adds sample b's contribution to ∂E/∂h of
     * slot s (see {@link #dhSlots}) into dh[s][b], and its ∂E/∂λ through the bulk term into dLambda[b]; the caller
     * zeroes both for samples 0 … n−1 first.
     */
    void backward(double[] hNodes, double lambda, double[][] phi, double[][] pi, int n,
                  double[] adjPhi, double[] adjPi, double[][] dh, double[] dLambda);
}
