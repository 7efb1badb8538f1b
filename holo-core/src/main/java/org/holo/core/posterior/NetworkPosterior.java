package org.holo.core.posterior;

import java.util.List;
import org.holo.core.loss.BernoulliLoss;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;

/**
 * The posterior of a network's parameters given labelled data (physics.md §10):
 *
 *     log π(x) = Σ_b [ y_b log p_b + (1 − y_b) log(1 − p_b) ] + log prior(x),    p_b = κ + (1 − 2κ) t(F_b(x)),
 *
 * the likelihood a sum over all n data (n times the mean that {@link BernoulliLoss} returns), the prior a
 * {@link GaussianPrior}. The gradient is the network's exact adjoint gradient. Not thread-safe: one instance per
 * chain ({@link #copy()}).
 */
public final class NetworkPosterior implements LogDensity {

    private final Coordinates coordinates;
    private final BernoulliLoss likelihood;
    private final GaussianPrior prior;
    private final Batch data;
    private final Objective objective;
    private final HolographicNetwork.Workspace workspace;
    private final double[] gradParams;

    public NetworkPosterior(Coordinates coordinates, BernoulliLoss likelihood, GaussianPrior prior, Batch data) {
        this.coordinates = coordinates;
        this.likelihood = likelihood;
        this.prior = prior;
        this.data = data;
        this.objective = new Objective(coordinates.network(), likelihood, List.of());
        this.workspace = objective.newWorkspace(Math.max(1, data.size()));
        this.gradParams = new double[coordinates.network().layout().size()];
        if (prior.dimension() != coordinates.dimension()) {
            throw new IllegalArgumentException("prior of dimension " + prior.dimension() + " for " + coordinates.dimension()
                    + " coordinates");
        }
    }

    /** An independent instance on the same data and prior, for another thread. */
    public NetworkPosterior copy() {
        return new NetworkPosterior(coordinates, likelihood, prior, data);
    }

    public Coordinates coordinates() {
        return coordinates;
    }

    public GaussianPrior prior() {
        return prior;
    }

    public BernoulliLoss likelihood() {
        return likelihood;
    }

    public Batch data() {
        return data;
    }

    @Override
    public int dimension() {
        return coordinates.dimension();
    }

    /** The log-likelihood Σ_b log P(y_b | x), with its gradient in coordinates into grad (when not null). */
    public double logLikelihood(double[] x, double[] grad) {
        double[] params = coordinates.params(x);
        int n = data.size();
        double mean = objective.evaluate(params, data, grad == null ? null : gradParams, workspace, null, false);
        if (grad != null) {
            coordinates.pullBack(params, gradParams, grad);
            for (int k = 0; k < grad.length; k++) {
                grad[k] *= -n;
            }
        }
        return -n * mean;
    }

    @Override
    public double value(double[] x, double[] grad) {
        double ll = logLikelihood(x, grad);
        return ll + prior.logDensity(x, grad);
    }
}
