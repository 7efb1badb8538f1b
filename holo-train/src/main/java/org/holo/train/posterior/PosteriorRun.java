package org.holo.train.posterior;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.loss.BernoulliLoss;
import org.holo.core.loss.DataLoss;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.posterior.Coordinates;
import org.holo.core.posterior.GaussianPrior;
import org.holo.core.posterior.Hmc;
import org.holo.core.posterior.NetworkPosterior;
import org.holo.core.posterior.Sampling;
import org.holo.train.Experiment;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.config.ModelAssembly;
import org.holo.train.random.SeedStreams;
import org.holo.train.run.FinishedRun;

/**
 * The posterior of a finished run (physics.md §10): the run's training data rebuilt from its record (the same
 * seed's data stream, or its CSV file), the Bernoulli likelihood, the run's regularisers as the prior, and HMC
 * chains started at the Laplace approximation around the run's trained point (for an ensemble, around each
 * member's). A run trained with another loss is used for its data, prior and start; the likelihood is always
 * the Bernoulli label model (l1-squared and mse are not likelihoods), with the run's clip if it had one.
 */
public final class PosteriorRun {

    /** The stream of chain k is {@code posterior-chain-k} of the seed. */
    public static final String CHAIN_STREAM = "posterior-chain-";

    /**
     * What to sample: draws per chain after a warm-up, the number of chains, the seed of the chains' streams,
     * the prior scale s (null: n, the number of training data) and the threads to run the chains on.
     */
    public record Options(int samples, int warmup, int chains, long seed, Double priorScale, int threads) {
        public Options {
            if (samples < 10) {
                throw new IllegalArgumentException("--samples must be at least 10, got " + samples);
            }
            if (warmup < 10) {
                throw new IllegalArgumentException("--warmup must be at least 10, got " + warmup);
            }
            if (chains < 1) {
                throw new IllegalArgumentException("--chains must be at least 1, got " + chains);
            }
            if (priorScale != null && !(priorScale > 0.0 && Double.isFinite(priorScale))) {
                throw new IllegalArgumentException("--prior-scale must be a positive number, got " + priorScale);
            }
        }
    }

    /** The posterior's ingredients for a list of runs of one config: the first run's data and prior. */
    public record Model(ExperimentConfig config, HolographicNetwork network, NetworkPosterior posterior, String trainedWith,
                        List<double[]> starts, List<Path> runs) {
    }

    private PosteriorRun() {
    }

    /** Builds the posterior of {@code runs} (one run, or the converged members of an ensemble). */
    public static Model model(List<FinishedRun> runs, Double priorScale) throws IOException {
        FinishedRun first = runs.get(0);
        ExperimentConfig config = first.config();
        Experiment experiment;
        try {
            experiment = Experiment.build(config, first.dir());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(first.dir() + ": the run's training data cannot be rebuilt for its posterior: "
                    + e.getMessage(), e);
        }
        HolographicNetwork network = first.network();
        LabelledData data = experiment.data();
        double[] x0 = new double[data.size()];
        double[] x1 = new double[data.size()];
        double[] y = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            x0[i] = data.x0(i);
            x1[i] = data.x1(i);
            y[i] = data.label(i);
        }
        DataLoss trained = ModelAssembly.loss(config.training);
        BernoulliLoss likelihood = trained instanceof BernoulliLoss b ? b : new BernoulliLoss(BernoulliLoss.DEFAULT_CLIP);
        Coordinates coordinates = new Coordinates(network, first.params());
        if (coordinates.dimension() == 0) {
            throw new IllegalArgumentException(first.dir() + ": the run has no trainable parameters: nothing to sample");
        }
        double scale = priorScale != null ? priorScale : data.size();
        double referenceRadius = coordinates.radiusCoordinate() >= 0 ? experiment.initialRadius() : Double.NaN;
        GaussianPrior prior = GaussianPrior.of(coordinates, Experiment.regularisers(config, network), GaussianPrior.Scales.of(scale),
                referenceRadius);
        List<double[]> starts = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (FinishedRun r : runs) {
            double[] x = coordinates.coordinates(r.params());
            for (int k = 0; k < x.length; k++) {
                if (!Double.isFinite(x[k])) {
                    throw new IllegalArgumentException(r.dir().resolve("result.json") + ": " + coordinates.name(k)
                            + " of the trained point is not finite (or L <= 0): no posterior can start there");
                }
            }
            starts.add(x);
            dirs.add(r.dir());
        }
        NetworkPosterior posterior = new NetworkPosterior(coordinates, likelihood, prior, Batch.of(x0, x1, y));
        return new Model(config, network, posterior, trained.name(), starts, dirs);
    }

    /** Samples the model: Laplace around each start, then the chains, each on its own stream of {@code seed}. */
    public static Sampling.Result sample(Model model, Options o) {
        SeedStreams seeds = new SeedStreams(o.seed());
        return Sampling.sample(model.posterior()::copy, model.starts(), o.chains(), Hmc.Settings.defaults(o.warmup(), o.samples()),
                k -> new StreamDraws(seeds.stream(CHAIN_STREAM + k)), o.threads());
    }
}
