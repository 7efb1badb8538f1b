package org.holo.core.metric;

import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;

/** A metric parametrisation (config {@code model.metric.type}): how trainable parameters give h(η). */
public interface MetricProvider extends ComponentProvider {

    Kind<MetricProvider> KIND = new Kind<>("metric parametrisation", MetricProvider.class, "model.metric.type");

    /**
     * @param nodes the η positions at which the layer scheme reads h
     * @param start how h starts (model.metricInit)
     */
    MetricParametrisation create(ModelContext context, double[] nodes, MetricStart start, Settings settings);
}
