package org.holo.core.metric;

import org.holo.core.tensor.Tensors;

/**
 * A parametrisation linear in its block θ: h at the scheme's nodes is a fixed matrix times θ, h at the layer
 * positions another; the adjoint is the transpose. The rows are built once by the parametrisation (powers of u for
 * a polynomial, spline weights for a spline).
 */
final class LinearRows {

    private final double[][] nodeRows;
    private final double[][] layerRows;
    private final int size;

    LinearRows(double[][] nodeRows, double[][] layerRows, int size) {
        this.nodeRows = nodeRows;
        this.layerRows = layerRows;
        this.size = size;
    }

    /** h at every node. */
    void values(double[] params, int offset, double[] hNodes) {
        for (int n = 0; n < hNodes.length; n++) {
            hNodes[n] = dot(nodeRows[n], params, offset);
        }
    }

    /** Adds (∂h_nodes/∂θ)ᵀ · dNodes into {@code grad[offset…]}. */
    void backward(double[] dNodes, int offset, double[] grad) {
        for (int n = 0; n < dNodes.length; n++) {
            double[] row = nodeRows[n];
            for (int k = 0; k < size; k++) {
                grad[offset + k] += row[k] * dNodes[n];
            }
        }
    }

    /** h at layer position η_i. */
    double layerValue(double[] params, int offset, int i) {
        return dot(layerRows[i], params, offset);
    }

    /** Adds d · ∂h(η_i)/∂θ into {@code grad[offset…]}. */
    void layerValueBackward(int i, double d, int offset, double[] grad) {
        double[] row = layerRows[i];
        for (int k = 0; k < size; k++) {
            grad[offset + k] += row[k] * d;
        }
    }

    /** The node matrix, a copy. */
    double[][] nodeMatrix() {
        double[][] m = new double[nodeRows.length][];
        for (int n = 0; n < m.length; n++) {
            m[n] = nodeRows[n].clone();
        }
        return m;
    }

    /** The tensor form of {@link #values}: the node rows applied to the block, (E × nodes). */
    <T> T nodeValues(Tensors<T> ops, T block) {
        return ops.linear(block, nodeRows);
    }

    /** The tensor form of {@link #layerValue} at every layer, (E × N). */
    <T> T layerValues(Tensors<T> ops, T block) {
        return ops.linear(block, layerRows);
    }

    static double dot(double[] row, double[] params, int offset) {
        double h = 0.0;
        for (int k = 0; k < row.length; k++) {
            h += row[k] * params[offset + k];
        }
        return h;
    }
}
