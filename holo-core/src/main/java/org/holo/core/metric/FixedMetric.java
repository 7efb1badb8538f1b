package org.holo.core.metric;

/** A known metric, evaluated exactly at every node and not trained (no parameters): the "true network". */
public final class FixedMetric implements MetricParametrisation {

    private final double[] values;
    private final double[] layerValues;

    public FixedMetric(Metric metric, org.holo.core.RadialGrid grid, double[] nodeEtas) {
        this.values = metric.sample(nodeEtas);
        this.layerValues = metric.sample(grid.layerEtas());
    }

    @Override
    public java.util.List<org.holo.core.model.ParameterSpec> parameters() {
        return java.util.List.of();
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public int layerWeights() {
        return 0;
    }

    @Override
    public double layerValue(double[] params, int offset, int i) {
        return layerValues[i];
    }

    @Override
    public void layerValueBackward(double[] params, int offset, int i, double d, double[] grad) {
        // nothing is trainable
    }

    @Override
    public void values(double[] params, int offset, double[] hNodes) {
        System.arraycopy(values, 0, hNodes, 0, values.length);
    }

    @Override
    public void backward(double[] params, int offset, double[] dNodes, double[] grad) {
        // nothing is trainable
    }
}
