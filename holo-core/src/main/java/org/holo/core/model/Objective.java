package org.holo.core.model;

import java.util.List;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.Regulariser;

/**
 * The training objective E = data loss(t(F), y) + Σ regularisers(h), with its exact reverse-mode gradient
 * with respect to every parameter (h, L, λ), vectorised over the batch with no allocation per call.
 */
public final class Objective {

    private final HolographicNetwork network;
    private final DataLoss dataLoss;
    private final List<Regulariser> regularisers;
    /** Tests set it to take the compacting reverse pass whatever the share of contributing samples. */
    boolean compactAlways;

    public Objective(HolographicNetwork network, DataLoss dataLoss, List<Regulariser> regularisers) {
        this.network = network;
        this.dataLoss = dataLoss;
        this.regularisers = List.copyOf(regularisers);
    }

    public HolographicNetwork network() {
        return network;
    }

    public DataLoss dataLoss() {
        return dataLoss;
    }

    public HolographicNetwork.Workspace newWorkspace(int capacity) {
        return new HolographicNetwork.Workspace(network, capacity);
    }

    /** The parts of one evaluation. */
    public static final class Value {
        public double total;
        public double data;
        public double regularisation;
        /** How many samples of the batch the reverse pass used (the others have a flat output or an exact fit). */
        public int contributing;
    }

    /** {@link #evaluate(double[], Batch, double[], HolographicNetwork.Workspace, Value, boolean)} with the regularisers. */
    public double evaluate(double[] params, Batch batch, double[] grad, HolographicNetwork.Workspace ws, Value parts) {
        return evaluate(params, batch, grad, ws, parts, true);
    }

    /**
     * Evaluates E on the batch; when {@code grad} is not null it is overwritten with ∂E/∂params
     * (entries of fixed parameters included; the optimiser ignores them). Without regularisers E is the data loss
     * alone: a training schedule may hold them off while the data shape the metric, so that they do not flatten
     * it before the data term can act.
     */
    public double evaluate(double[] params, Batch batch, double[] grad, HolographicNetwork.Workspace ws, Value parts,
                           boolean withRegularisers) {
        int n = batch.size();
        if (n > ws.capacity) {
            throw new IllegalArgumentException("batch of " + n + " exceeds workspace capacity " + ws.capacity);
        }
        HolographicNetwork net = network;
        net.metric().values(params, net.metricOffset(), ws.hNodes);
        double lambda = net.lambda(params);
        net.forward(params, lambda, batch.x0, batch.x1, n, ws);
        net.output().evaluate(ws.f, n, ws.t, ws.dtdF, ws.outputScratchA, ws.outputScratchB);
        double data = dataLoss.evaluate(ws.t, batch.y, n, grad == null ? null : ws.dt);
        int contributing = 0;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0.0);
            java.util.Arrays.fill(ws.dhNodes, 0.0);
            contributing = backward(params, batch, grad, ws, lambda);
        }
        int hOff = net.metricOffset();
        double reg = 0.0;
        if (withRegularisers) {
            for (Regulariser r : regularisers) {
                reg += r.evaluate(params, hOff, grad);
            }
        }
        if (parts != null) {
            parts.data = data;
            parts.regularisation = reg;
            parts.total = data + reg;
            parts.contributing = contributing;
        }
        return data + reg;
    }

    /**
     * How strongly the data constrain each parameter: the diagonal of the Gauss–Newton matrix of the outputs,
     * G_ii = (1/n) Σ_b (∂t_b/∂θ_i)², from one adjoint pass per sample (seeded with ∂t_b/∂F_b). Large where a
     * change of θ_i changes the network's answers; ≈ 0 where the data cannot see θ_i.
     */
    public double[] sensitivity(double[] params, Batch batch, HolographicNetwork.Workspace ws) {
        double[] g = new double[params.length];
        double[] one = new double[params.length];
        network.metric().values(params, network.metricOffset(), ws.hNodes);
        for (int b = 0; b < batch.size(); b++) {
            java.util.Arrays.fill(one, 0.0);
            if (sampleGradient(params, batch, b, ws, one)) {
                network.metric().backward(params, network.metricOffset(), ws.dhNodes, one);
            }
            for (int i = 0; i < g.length; i++) {
                g[i] += one[i] * one[i] / batch.size();
            }
        }
        return g;
    }

    /**
     * The sensitivity profile of the metric: the Gauss–Newton diagonal (1/n) Σ_b (∂t_b/∂h_i)² for a change of h
     * at layer i alone (the per-layer weight h_i, or r_i of c/η + r; both enter the layers identically), so
     * the profile means the same for every parametrisation. One value per layer, boundary first.
     */
    public double[] layerSensitivity(double[] params, Batch batch, HolographicNetwork.Workspace ws) {
        HolographicNetwork net = network;
        int layers = net.grid().layers();
        org.holo.core.metric.PerLayerMetric basis = new org.holo.core.metric.PerLayerMetric(net.grid(), net.layerMap().nodes());
        double[] g = new double[layers];
        double[] one = new double[layers];
        double[] scratch = new double[params.length];
        net.metric().values(params, net.metricOffset(), ws.hNodes);
        for (int b = 0; b < batch.size(); b++) {
            java.util.Arrays.fill(one, 0.0);
            if (sampleGradient(params, batch, b, ws, scratch)) {
                basis.backward(one, 0, ws.dhNodes, one);
            }
            for (int i = 0; i < layers; i++) {
                g[i] += one[i] * one[i] / batch.size();
            }
        }
        return g;
    }

    /**
     * ∂t_b/∂(h at the nodes) into ws.dhNodes and ∂t_b/∂(boundary parameters), ∂t_b/∂λ into {@code grad}; false
     * (and nothing written) when the output is flat at this sample. ws.hNodes must already hold h at the nodes.
     */
    private boolean sampleGradient(double[] params, Batch batch, int b, HolographicNetwork.Workspace ws, double[] grad) {
        HolographicNetwork net = network;
        double lambda = net.lambda(params);
        java.util.Arrays.fill(ws.dhNodes, 0.0);
        ws.x0[0] = batch.x0[b];
        ws.x1[0] = batch.x1[b];
        net.forward(params, lambda, ws.x0, ws.x1, 1, ws);
        net.output().evaluate(ws.f, 1, ws.t, ws.dtdF, ws.outputScratchA, ws.outputScratchB);
        double aF = ws.dtdF[0]; // dt/dF
        if (aF == 0.0) {
            return false;
        }
        ws.aF[0] = aF;
        ws.active[0] = 0;
        reverse(params, lambda, ws.x0, ws.x1, 1, ws);
        double dLambda = ws.aF[0] * ws.dFdLambda[0];
        dLambda += ws.dLambdaLayers[0];
        ws.slotSums.add(ws.dhSlots, ws.active, 1, ws.dhNodes, ws.zeros);
        int bOff = net.boundaryOffset();
        for (int k = 0; k < net.boundarySize(); k++) {
            grad[bOff + k] += ws.dBoundary[k][0];
        }
        grad[net.lambdaOffset()] += dLambda + ws.dLambdaBoundary[0];
        return true;
    }

    /**
     * The reverse pass of the batch: only samples whose aF = ∂E/∂t · dt/dF is not zero contribute (a saturated output
     * or an exact fit contributes exactly nothing, even where its states overflowed), and their gradients are summed
     * sample by sample, in order. When at least half the batch contributes, the adjoint runs over every column (one
     * vectorised pass is cheaper than moving the states) and the sums read the contributing columns alone, whatever a
     * flat sample's column holds; when fewer do, they are first moved, in order, to the front of every column.
     */
    private int backward(double[] params, Batch batch, double[] grad, HolographicNetwork.Workspace ws, double lambda) {
        HolographicNetwork net = network;
        int n = batch.size();
        int[] active = ws.active;
        double[] aF = ws.aF;
        int m = 0;
        for (int b = 0; b < n; b++) {
            double a = ws.dt[b] * ws.dtdF[b];
            aF[b] = a;
            active[m] = b; // kept when a ≠ 0; written without a branch, since which samples are flat is unpredictable
            m += a != 0.0 ? 1 : 0;
        }
        if (m > 0) {
            if (2 * m >= n && !compactAlways) {
                reverse(params, lambda, batch.x0, batch.x1, n, ws);
            } else {
                compact(ws, m);
                for (int k = 0; k < m; k++) {
                    int b = active[k];
                    aF[k] = aF[b];
                    ws.x0[k] = batch.x0[b];
                    ws.x1[k] = batch.x1[b];
                    active[k] = k;
                }
                reverse(params, lambda, ws.x0, ws.x1, m, ws);
            }
            ws.slotSums.add(ws.dhSlots, active, m, ws.dhNodes, ws.zeros);
        }
        double dLambda = 0.0;
        for (int k = 0; k < m; k++) {
            int b = active[k];
            dLambda += aF[b] * ws.dFdLambda[b];
            dLambda += ws.dLambdaLayers[b];
            dLambda += ws.dLambdaBoundary[b];
        }
        net.metric().backward(params, net.metricOffset(), ws.dhNodes, grad);
        int bOff = net.boundaryOffset();
        for (int j = 0; j < net.boundarySize(); j++) {
            double[] d = ws.dBoundary[j];
            double sum = 0.0;
            for (int k = 0; k < m; k++) {
                sum += d[active[k]];
            }
            grad[bOff + j] += sum;
        }
        grad[net.lambdaOffset()] += dLambda;
        return m;
    }

    /** Moves the states of the active samples ws.active[0 … m−1] (ascending) to the front of each layer's row. */
    private static void compact(HolographicNetwork.Workspace ws, int m) {
        int[] active = ws.active;
        for (int i = 0; i < ws.phi.length; i++) {
            double[] p = ws.phi[i];
            double[] q = ws.pi[i];
            for (int k = 0; k < m; k++) {
                p[k] = p[active[k]];
                q[k] = q[active[k]];
            }
        }
    }

    /**
     * The adjoint of samples 0 … w−1 (forward states in ws, aF in ws.aF, inputs in x0, x1) from the horizon back to
     * the boundary: per-sample ∂E/∂λ parts, ∂E/∂h slots and boundary-parameter derivatives, not yet summed.
     */
    private void reverse(double[] params, double lambda, double[] x0, double[] x1, int w, HolographicNetwork.Workspace ws) {
        HolographicNetwork net = network;
        int last = net.grid().layers();
        net.horizon().gradients(ws.phi[last], ws.pi[last], w, lambda, ws.dFdPhi, ws.dFdPi, ws.dFdLambda);
        for (int k = 0; k < w; k++) {
            ws.adjPhi[k] = ws.aF[k] * ws.dFdPhi[k];
            ws.adjPi[k] = ws.aF[k] * ws.dFdPi[k];
        }
        for (double[] slot : ws.dhSlots) {
            java.util.Arrays.fill(slot, 0, w, 0.0);
        }
        for (double[] d : ws.dBoundary) {
            java.util.Arrays.fill(d, 0, w, 0.0);
        }
        java.util.Arrays.fill(ws.dLambdaLayers, 0, w, 0.0);
        java.util.Arrays.fill(ws.dLambdaBoundary, 0, w, 0.0);
        net.layerMap().backward(ws.hNodes, lambda, ws.phi, ws.pi, w, ws.adjPhi, ws.adjPi, ws.dhSlots, ws.dLambdaLayers);
        net.boundary().backward(params, net.boundaryOffset(), lambda, x0, x1, w, ws.adjPhi, ws.adjPi,
                ws.dBoundary, ws.dLambdaBoundary);
    }
}
