package org.holo.core.loss;

import org.holo.core.component.Settings;
import org.holo.core.tensor.LossTensorForm;
import org.holo.core.tensor.Tensors;

/**
 * The negative log-likelihood of the labels under a Bernoulli label model, per sample (physics.md §5.1, §10):
 * y ~ Bernoulli(p) with p = κ + (1 − 2κ) t(F), so that
 *
 *     loss = −(1/B) Σ_b [ y_b log p_b + (1 − y_b) log(1 − p_b) ].
 *
 * The clip κ keeps p in [κ, 1 − κ]: it is the probability that a label is flipped, which makes the model proper for
 * labels that t(F) gets confidently wrong (the log-loss of one sample is at most −log κ) and keeps the gradient
 * alive where the bump saturates, unlike a hard clip of t. Summed instead of averaged over all n data it is the
 * negative log-likelihood a posterior needs.
 */
public final class BernoulliLoss implements DataLoss, LossTensorForm {

    public static final String NAME = "bernoulli";
    /** κ: the probability that a label is flipped. */
    public static final double DEFAULT_CLIP = 1e-3;

    private final double clip;

    public BernoulliLoss(double clip) {
        if (!(clip > 0.0 && clip < 0.5)) {
            throw new IllegalArgumentException("clip must be in (0, 0.5), got " + clip);
        }
        this.clip = clip;
    }

    public double clip() {
        return clip;
    }

    /** p = κ + (1 − 2κ) t: the probability of label 1 (negative data) under the model. */
    public double probability(double t) {
        return clip + (1.0 - 2.0 * clip) * t;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double evaluate(double[] t, double[] y, int n, double[] dt) {
        double scale = 1.0 - 2.0 * clip;
        double sum = 0.0;
        for (int b = 0; b < n; b++) {
            double p = clip + scale * t[b];
            double q = clip + scale * (1.0 - t[b]); // 1 − p without its rounding near p = 1
            sum -= y[b] * StrictMath.log(p) + (1.0 - y[b]) * StrictMath.log(q);
            if (dt != null) {
                dt[b] = -scale * (y[b] / p - (1.0 - y[b]) / q) / n;
            }
        }
        return sum / n;
    }

    /**
     * The tensor form of {@link #evaluate}, term for term: −(Σ a_b)/B equals the running −a_0 − a_1 − … to the bit
     * (negation is exact and rounding symmetric), and 1 − t is written −(t − 1).
     */
    @Override
    public <T> T loss(Tensors<T> ops, T t, T y, int batch) {
        double scale = 1.0 - 2.0 * clip;
        T p = ops.add(ops.mul(t, scale), clip);
        T q = ops.add(ops.mul(ops.neg(ops.sub(t, 1.0)), scale), clip);
        T terms = ops.add(ops.mul(y, ops.log(p)), ops.mul(ops.neg(ops.sub(y, 1.0)), ops.log(q)));
        return ops.div(ops.neg(ops.sumColumns(terms)), batch);
    }

    /** Registers the Bernoulli negative log-likelihood. */
    public static final class Provider implements DataLossProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "-(1/B) sum [y log p + (1-y) log(1-p)], p = clip + (1-2 clip) t: the labels' Bernoulli log-likelihood";
        }

        @Override
        public DataLoss create(Settings settings) {
            double clip = settings.number("clip", DEFAULT_CLIP);
            if (!(clip > 0.0 && clip < 0.5)) {
                throw settings.invalid("clip", "must be in (0, 0.5) (the probability that a label is flipped), got " + clip);
            }
            return new BernoulliLoss(clip);
        }
    }
}
