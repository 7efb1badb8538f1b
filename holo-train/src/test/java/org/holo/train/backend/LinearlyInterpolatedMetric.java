package org.holo.train.backend;

import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.metric.MetricParametrisation;
import org.holo.core.model.ParameterSpec;
import org.holo.core.tensor.MetricTensorForm;
import org.holo.core.tensor.Tensors;

/**
 * A deliberately wrong component for {@link RegistryAgreementTest}: per-layer weights whose adjoint is the real one
 * (cubic Lagrange between layers) but whose tensor form interpolates h linearly at the half steps.
 */
final class LinearlyInterpolatedMetric implements MetricParametrisation, MetricTensorForm {

    private final MetricParametrisation real;
    private final double[][] linearRows;

    LinearlyInterpolatedMetric(MetricParametrisation real, RadialGrid grid, double[] nodeEtas) {
        this.real = real;
        int layers = grid.layers();
        this.linearRows = new double[nodeEtas.length][layers];
        for (int n = 0; n < nodeEtas.length; n++) {
            double t = (nodeEtas[n] - grid.etaIni()) / grid.step();
            int i = Math.max(0, Math.min(layers - 2, (int) Math.floor(t)));
            double w = t - i;
            linearRows[n][i] = 1.0 - w;
            linearRows[n][i + 1] = w;
        }
    }

    @Override
    public <T> T nodeValues(Tensors<T> ops, T block) {
        return ops.linear(block, linearRows);
    }

    @Override
    public <T> T layerValues(Tensors<T> ops, T block) {
        return block;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return real.parameters();
    }

    @Override
    public int size() {
        return real.size();
    }

    @Override
    public int layerWeights() {
        return real.layerWeights();
    }

    @Override
    public void values(double[] params, int offset, double[] hNodes) {
        real.values(params, offset, hNodes);
    }

    @Override
    public void backward(double[] params, int offset, double[] dNodes, double[] grad) {
        real.backward(params, offset, dNodes, grad);
    }

    @Override
    public double layerValue(double[] params, int offset, int i) {
        return real.layerValue(params, offset, i);
    }

    @Override
    public void layerValueBackward(double[] params, int offset, int i, double d, double[] grad) {
        real.layerValueBackward(params, offset, i, d, grad);
    }
}
