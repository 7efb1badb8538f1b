package org.holo.core.modes;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;

/**
 * The Jacobian J_b = ∂t_b/∂θ of each network output with respect to the metric modes' coordinates θ: h at the
 * N layers (a change δh_i spread to the layer map's nodes by the per-layer interpolation, so that the coordinates
 * mean the same for every parametrisation), then L and λ when the run trains them (physics.md §5.5).
 *
 * <p>Exact: one adjoint pass per sample, a mini-batch of one through the components' batch-major contracts, whose
 * per-sample slots of ∂t/∂h are what a Gauss–Newton matrix needs (the objective sums them over the batch).
 */
public final class OutputJacobian {

    private final HolographicNetwork network;
    private final double[] params;
    private final PerLayerMetric basis;
    private final int layers;
    private final boolean withRadius;
    private final boolean withLambda;
    private final double radius;
    private final double lambda;
    private final double[] hNodes;
    // scratch of one sample: a mini-batch of one through the batch-major components
    private final double[] dhNodes;
    private final int[] dhSlots;
    private final double[][] dhBySlot;
    private final double[][] dBoundary;
    private final double[][] phi;
    private final double[][] pi;
    private final double[] x0 = new double[1];
    private final double[] x1 = new double[1];
    private final double[] f = new double[1];
    private final double[] t = new double[1];
    private final double[] dtdF = new double[1];
    private final double[] outputScratchA = new double[1];
    private final double[] outputScratchB = new double[1];
    private final double[] adjPhi = new double[1];
    private final double[] adjPi = new double[1];
    private final double[] dLambda = new double[1];

    /** The coordinates h_0 … h_{N−1}, then L and λ where the layout marks them trainable. */
    public OutputJacobian(HolographicNetwork network, double[] params) {
        this(network, params, trainable(network, ParameterLayout.RADIUS), trainable(network, ParameterLayout.LAMBDA));
    }

    /** With the choice of L and λ as coordinates given (L only where the boundary map has one). */
    public OutputJacobian(HolographicNetwork network, double[] params, boolean withRadius, boolean withLambda) {
        this.network = network;
        this.params = params.clone();
        this.layers = network.grid().layers();
        this.basis = new PerLayerMetric(network.grid(), network.layerMap().nodes());
        this.withRadius = withRadius && network.boundary().usesRadius();
        this.withLambda = withLambda;
        this.radius = network.radius(params);
        this.lambda = network.lambda(params);
        this.hNodes = new double[network.nodeCount()];
        network.metric().values(params, network.metricOffset(), hNodes);
        this.dhNodes = new double[hNodes.length];
        this.dhSlots = network.layerMap().dhSlots();
        this.dhBySlot = new double[dhSlots.length][1];
        int boundaryEntries = network.boundary().parameters().stream().mapToInt(s -> s.size()).sum();
        this.dBoundary = new double[boundaryEntries][1];
        this.phi = new double[layers + 1][1];
        this.pi = new double[layers + 1][1];
    }

    private static boolean trainable(HolographicNetwork network, String block) {
        ParameterLayout layout = network.layout();
        return layout.has(block) && layout.block(block).trainable();
    }

    /** Number of coordinates: N, plus one each for L and λ when included. */
    public int size() {
        return layers + (withRadius ? 1 : 0) + (withLambda ? 1 : 0);
    }

    /** The coordinates' names: h_0 … h_{N−1}, then L and lambda as included. */
    public List<String> coordinates() {
        List<String> names = new ArrayList<>(size());
        for (int i = 0; i < layers; i++) {
            names.add("h_" + i);
        }
        if (withRadius) {
            names.add("L");
        }
        if (withLambda) {
            names.add("lambda");
        }
        return names;
    }

    /** Index of L among the coordinates, or −1. */
    public int radiusIndex() {
        return withRadius ? layers : -1;
    }

    /** Index of λ among the coordinates, or −1. */
    public int lambdaIndex() {
        return withLambda ? layers + (withRadius ? 1 : 0) : -1;
    }

    /** The network output t at input (x0, x1). */
    public double output(double x0, double x1) {
        return outputAt(hNodes, radius, lambda, x0, x1);
    }

    private double outputAt(double[] nodes, double radius, double lambda, double x0, double x1) {
        double[] theta = params;
        if (Double.compare(radius, this.radius) != 0) {
            theta = params.clone();
            theta[network.boundaryOffset()] = radius; // L is the boundary map's first entry
        }
        return forward(theta, nodes, lambda, x0, x1);
    }

    /** t at (x0, x1); leaves the states, F and dt/dF of this one sample in the scratch arrays. */
    private double forward(double[] theta, double[] nodes, double lambda, double in0, double in1) {
        x0[0] = in0;
        x1[0] = in1;
        network.boundary().forward(theta, network.boundaryOffset(), lambda, x0, x1, 1, phi[0], pi[0]);
        network.layerMap().forward(nodes, lambda, phi, pi, 1);
        network.horizon().values(phi[layers], pi[layers], 1, lambda, f);
        network.output().evaluate(f, 1, t, dtdF, outputScratchA, outputScratchB);
        return t[0];
    }

    /**
     * Writes ∂t/∂θ at input (x0, x1) into {@code row} (length {@link #size()}) and returns t. A flat output
     * (dt/dF = 0, saturated) gives a row of zeros.
     */
    public double row(double x0, double x1, double[] row) {
        java.util.Arrays.fill(row, 0.0);
        java.util.Arrays.fill(dhNodes, 0.0);
        double out = forward(params, hNodes, lambda, x0, x1);
        double aF = dtdF[0];
        if (aF == 0.0) {
            return out;
        }
        network.horizon().gradients(phi[layers], pi[layers], 1, lambda, adjPhi, adjPi, dLambda);
        double dLambdaTotal = aF * dLambda[0];
        adjPhi[0] = aF * adjPhi[0];
        adjPi[0] = aF * adjPi[0];
        dLambda[0] = 0.0;
        for (double[] slot : dhBySlot) {
            slot[0] = 0.0;
        }
        network.layerMap().backward(hNodes, lambda, phi, pi, 1, adjPhi, adjPi, dhBySlot, dLambda);
        dLambdaTotal += dLambda[0];
        for (int s = 0; s < dhSlots.length; s++) {
            dhNodes[dhSlots[s]] += dhBySlot[s][0];
        }
        for (double[] entry : dBoundary) {
            entry[0] = 0.0;
        }
        dLambda[0] = 0.0;
        network.boundary().backward(params, network.boundaryOffset(), lambda, this.x0, this.x1, 1, adjPhi, adjPi, dBoundary, dLambda);
        dLambdaTotal += dLambda[0];
        basis.backward(row, 0, dhNodes, row); // reads nothing of row: a linear map's adjoint
        if (withRadius) {
            row[radiusIndex()] = dBoundary[0][0];
        }
        if (withLambda) {
            row[lambdaIndex()] = dLambdaTotal;
        }
        return out;
    }

    /**
     * The same row by five-point central differences of the forward pass (error O(step⁴)) with step {@code step} in
     * every coordinate (h at the layers moved through the per-layer interpolation, as in {@link #row}): an
     * independent check.
     */
    public void finiteDifferenceRow(double x0, double x1, double step, double[] row) {
        double[] unit = new double[layers];
        double[] nodeShift = new double[hNodes.length];
        double[] shifted = new double[hNodes.length];
        double[] f = new double[4];
        double[] offsets = {step, -step, 2 * step, -2 * step};
        for (int i = 0; i < size(); i++) {
            if (i < layers) {
                java.util.Arrays.fill(unit, 0.0);
                unit[i] = 1.0;
                basis.values(unit, 0, nodeShift);
            }
            for (int k = 0; k < 4; k++) {
                double s = offsets[k];
                if (i < layers) {
                    for (int n = 0; n < shifted.length; n++) {
                        shifted[n] = hNodes[n] + s * nodeShift[n];
                    }
                    f[k] = outputAt(shifted, radius, lambda, x0, x1);
                } else if (i == radiusIndex()) {
                    f[k] = outputAt(hNodes, radius + s, lambda, x0, x1);
                } else {
                    f[k] = outputAt(hNodes, radius, lambda + s, x0, x1);
                }
            }
            row[i] = (8 * (f[0] - f[1]) - (f[2] - f[3])) / (12 * step);
        }
    }

    /**
     * G = (1/n) Σ_b J_bᵀ J_b over all of {@code data}, in their stored order (so bit-reproducible): the
     * Gauss–Newton matrix of the outputs, before the loss's curvature weights it.
     */
    public double[][] gaussNewton(LabelledData data) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("no training data: the Gauss-Newton matrix is an average over the data");
        }
        int p = size();
        double[][] g = new double[p][p];
        double[] row = new double[p];
        for (int b = 0; b < n; b++) {
            row(data.x0(b), data.x1(b), row);
            for (int i = 0; i < p; i++) {
                double ri = row[i];
                if (ri == 0.0) {
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    g[i][j] += ri * row[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                g[i][j] /= n;
                g[j][i] = g[i][j];
            }
        }
        return g;
    }
}
