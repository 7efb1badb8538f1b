package org.holo.core.loss;

import org.holo.core.Signs;
import org.holo.core.component.Settings;
import org.holo.core.tensor.LossTensorForm;
import org.holo.core.tensor.Tensors;

/** 1809.10536 as run by its authors: [(1/B) Σ |t_b − y_b|]². */
public final class L1SquaredLoss implements DataLoss, LossTensorForm {

    public static final String NAME = "l1-squared";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double evaluate(double[] t, double[] y, int n, double[] dt) {
        double sum = 0.0;
        for (int b = 0; b < n; b++) {
            sum += Math.abs(t[b] - y[b]);
        }
        double mean = sum / n;
        if (dt != null) {
            double scale = 2.0 * mean / n;
            for (int b = 0; b < n; b++) {
                dt[b] = scale * Signs.signum(t[b] - y[b]); // Math.signum branches on exact fits
            }
        }
        return mean * mean;
    }

    /** The tensor form of {@link #evaluate}: the mean of |t − y| over the batch, squared. */
    @Override
    public <T> T loss(Tensors<T> ops, T t, T y, int batch) {
        T mean = ops.div(ops.sumColumns(ops.abs(ops.sub(t, y))), batch);
        return ops.mul(mean, mean);
    }

    /** Registers the paper's loss. */
    public static final class Provider implements DataLossProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "[(1/B) sum |t - y|]^2: the paper's loss as its authors ran it";
        }

        @Override
        public DataLoss create(Settings settings) {
            return new L1SquaredLoss();
        }
    }
}
