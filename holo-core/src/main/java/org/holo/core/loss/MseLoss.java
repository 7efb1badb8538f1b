package org.holo.core.loss;

import org.holo.core.component.Settings;
import org.holo.core.tensor.LossTensorForm;
import org.holo.core.tensor.Tensors;

/** Mean squared error (1/B) Σ (t_b − y_b)². */
public final class MseLoss implements DataLoss, LossTensorForm {

    public static final String NAME = "mse";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double evaluate(double[] t, double[] y, int n, double[] dt) {
        double sum = 0.0;
        for (int b = 0; b < n; b++) {
            double r = t[b] - y[b];
            sum += r * r;
        }
        if (dt != null) {
            for (int b = 0; b < n; b++) {
                dt[b] = 2.0 * (t[b] - y[b]) / n;
            }
        }
        return sum / n;
    }

    /** The tensor form of {@link #evaluate}: Σ (t − y)² / B. */
    @Override
    public <T> T loss(Tensors<T> ops, T t, T y, int batch) {
        T r = ops.sub(t, y);
        return ops.div(ops.sumColumns(ops.mul(r, r)), batch);
    }

    /** Registers the mean squared error. */
    public static final class Provider implements DataLossProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "(1/B) sum (t - y)^2: mean squared error";
        }

        @Override
        public DataLoss create(Settings settings) {
            return new MseLoss();
        }
    }
}
