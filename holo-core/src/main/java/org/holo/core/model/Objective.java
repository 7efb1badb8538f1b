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
        int stride = net.grid().layers() + 1;
        net.metric().values(params, net.metricOffset(), ws.hNodes);
        double radius = net.radius(params);
        double lambda = net.lambda(params);
        double[] phi = ws.phi;
        double[] pi = ws.pi;
        double[] pair = ws.pair;

        for (int b = 0; b < n; b++) {
            int off = b * stride;
            net.boundary().forward(batch.x0[b], batch.x1[b], radius, lambda, pair);
            phi[off] = pair[0];
            pi[off] = pair[1];
            net.layerMap().forward(ws.hNodes, lambda, phi, pi, off);
            double f = net.horizon().value(phi[off + stride - 1], pi[off + stride - 1], lambda);
            net.output().evaluate(f, pair);
            ws.t[b] = pair[0];
            ws.dtdF[b] = pair[1];
        }
        double data = dataLoss.evaluate(ws.t, batch.y, n, grad == null ? null : ws.dt);
        if (grad != null) {
            java.util.Arrays.fill(grad, 0.0);
            java.util.Arrays.fill(ws.dhNodes, 0.0);
            backward(params, batch, grad, ws, radius, lambda, stride);
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
     * ∂t_b/∂(h at the nodes) into ws.dhNodes and ∂t_b/∂L, ∂t_b/∂λ into {@code grad}; false (and nothing
     * written) when the output is flat at this sample. ws.hNodes must already hold h at the nodes.
     */
    private boolean sampleGradient(double[] params, Batch batch, int b, HolographicNetwork.Workspace ws, double[] grad) {
        HolographicNetwork net = network;
        int last = net.grid().layers();
        double radius = net.radius(params);
        double lambda = net.lambda(params);
        double[] adj = ws.pair;
        double[] dF = ws.triple;
        java.util.Arrays.fill(ws.dhNodes, 0.0);
        net.boundary().forward(batch.x0[b], batch.x1[b], radius, lambda, adj);
        ws.phi[0] = adj[0];
        ws.pi[0] = adj[1];
        net.layerMap().forward(ws.hNodes, lambda, ws.phi, ws.pi, 0);
        double f = net.horizon().value(ws.phi[last], ws.pi[last], lambda);
        net.output().evaluate(f, adj);
        double aF = adj[1]; // dt/dF
        if (aF == 0.0) {
            return false;
        }
        net.horizon().gradient(ws.phi[last], ws.pi[last], lambda, dF);
        double dLambda = aF * dF[2];
        adj[0] = aF * dF[0];
        adj[1] = aF * dF[1];
        dLambda += net.layerMap().backward(ws.hNodes, lambda, ws.phi, ws.pi, 0, adj, ws.dhNodes);
        net.boundary().backward(batch.x0[b], batch.x1[b], radius, lambda, adj[0], adj[1], adj);
        if (net.radiusOffset() >= 0) {
            grad[net.radiusOffset()] += adj[0];
        }
        grad[net.lambdaOffset()] += dLambda + adj[1];
        return true;
    }

    private void backward(double[] params, Batch batch, double[] grad, HolographicNetwork.Workspace ws,
                          double radius, double lambda, int stride) {
        HolographicNetwork net = network;
        double dRadius = 0.0;
        double dLambda = 0.0;
        double[] adj = ws.pair;
        double[] dF = ws.triple;
        for (int b = 0; b < batch.size(); b++) {
            double aF = ws.dt[b] * ws.dtdF[b];
            if (aF == 0.0) {
                continue; // saturated output or exact fit: this sample contributes exactly nothing
            }
            int off = b * stride;
            int last = off + stride - 1;
            net.horizon().gradient(ws.phi[last], ws.pi[last], lambda, dF);
            dLambda += aF * dF[2];
            adj[0] = aF * dF[0];
            adj[1] = aF * dF[1];
            dLambda += net.layerMap().backward(ws.hNodes, lambda, ws.phi, ws.pi, off, adj, ws.dhNodes);
            double aPhi = adj[0];
            double aPi = adj[1];
            net.boundary().backward(batch.x0[b], batch.x1[b], radius, lambda, aPhi, aPi, adj);
            dRadius += adj[0];
            dLambda += adj[1];
        }
        net.metric().backward(params, net.metricOffset(), ws.dhNodes, grad);
        if (net.radiusOffset() >= 0) {
            grad[net.radiusOffset()] += dRadius;
        }
        grad[net.lambdaOffset()] += dLambda;
    }
}
