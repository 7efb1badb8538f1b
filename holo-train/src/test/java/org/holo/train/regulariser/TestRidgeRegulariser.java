package org.holo.train.regulariser;

import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.loss.Regulariser;
import org.holo.core.loss.RegulariserProvider;
import org.holo.core.metric.MetricParametrisation;

/**
 * A regulariser only the tests register (test resources, META-INF/services), as a researcher's jar would: a ridge
 * c Σ_i (h(η_i) − d)² pulling h at every layer towards AdS. It has no tensor form, so djl must refuse it.
 */
public final class TestRidgeRegulariser implements Regulariser {

    public static final String NAME = "test-ridge";

    private final double coefficient;
    private final double target;
    private final int layers;
    private final MetricParametrisation metric;

    TestRidgeRegulariser(double coefficient, double target, int layers, MetricParametrisation metric) {
        this.coefficient = coefficient;
        this.target = target;
        this.layers = layers;
        this.metric = metric;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double evaluate(double[] params, int offset, double[] grad) {
        double sum = 0.0;
        for (int i = 0; i < layers; i++) {
            double r = metric.layerValue(params, offset, i) - target;
            sum += coefficient * r * r;
            if (grad != null) {
                metric.layerValueBackward(params, offset, i, 2.0 * coefficient * r, grad);
            }
        }
        return sum;
    }

    public static final class Provider implements RegulariserProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "c sum_i (h_i - d)^2 (registered by the holo-train tests only)";
        }

        @Override
        public Regulariser create(ModelContext context, MetricParametrisation metric, Settings settings) {
            double c = settings.number("coefficient", 1.0);
            if (!(c > 0.0) || !Double.isFinite(c)) {
                throw settings.invalid("coefficient", "must be finite and > 0, got " + c);
            }
            return new TestRidgeRegulariser(c, context.theory().dimension(), context.grid().layers(), metric);
        }
    }
}
