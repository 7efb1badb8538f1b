package org.holo.core.metric;

/** A known metric, evaluated exactly at every node and not trained (no parameters): the "true network". */
public final class FixedMetric implements MetricParametrisation {

    private final double[] values;

    public FixedMetric(Metric metric, double[] nodeEtas) {
        this.values = metric.sample(nodeEtas);
    }

    @Override
    public int size() {
        return 0;
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
