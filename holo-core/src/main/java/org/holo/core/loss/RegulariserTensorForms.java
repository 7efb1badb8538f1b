package org.holo.core.loss;

import org.holo.core.metric.MetricParametrisation;
import org.holo.core.tensor.MetricTensorForm;

/** What the regularisers' tensor forms need of the metric they act on. */
final class RegulariserTensorForms {

    private RegulariserTensorForms() {
    }

    /** The metric's tensor form; a tensor backend checks for it before it asks a regulariser for its penalty. */
    static MetricTensorForm metric(MetricParametrisation metric) {
        if (metric instanceof MetricTensorForm form) {
            return form;
        }
        throw new IllegalArgumentException("the metric parametrisation " + metric.getClass().getName()
                + " has no tensor form (org.holo.core.tensor.MetricTensorForm), which its regularisers need");
    }
}
