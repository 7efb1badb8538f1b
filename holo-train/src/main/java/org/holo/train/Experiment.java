package org.holo.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.ScalarTheory;
import org.holo.core.component.ModelContext;
import org.holo.core.loss.Regulariser;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.config.ModelAssembly;
import org.holo.train.config.ModelConfig;
import org.holo.train.data.DataSources;
import org.holo.train.random.SeedStreams;

/** A config made concrete: the network, its objective, the training data and the initial weights. */
public final class Experiment {

    private final ExperimentConfig config;
    private final SeedStreams seeds;
    private final HolographicNetwork network;
    private final Objective objective;
    private final LabelledData data;
    private final List<Path> inputFiles;
    private final double[] initialParams;

    private Experiment(ExperimentConfig config, SeedStreams seeds, HolographicNetwork network, Objective objective,
                       LabelledData data, List<Path> inputFiles, double[] initialParams) {
        this.config = config;
        this.seeds = seeds;
        this.network = network;
        this.objective = objective;
        this.data = data;
        this.inputFiles = inputFiles;
        this.initialParams = initialParams;
    }

    /** Builds the network from the model section alone (no data, no seed); see {@link ModelAssembly}. */
    public static HolographicNetwork network(ModelConfig m) {
        return ModelAssembly.network(m);
    }

    /** The training objective: data loss plus the regularisers of the training section. */
    public static Objective objective(ExperimentConfig config, HolographicNetwork network) {
        return new Objective(network, ModelAssembly.loss(config.training), regularisers(config, network));
    }

    /**
     * The regularisers of the training section, in the order the objective adds them: boundary, then smoothness,
     * then those of {@code training.regularisers} (see {@link ModelAssembly#regularisers}); also
     * the prior of a posterior.
     */
    public static List<Regulariser> regularisers(ExperimentConfig config, HolographicNetwork network) {
        return regularisers(config, network.grid(), network.metric());
    }

    /** The regularisers of the training section on {@code grid}, acting through {@code metric}. */
    public static List<Regulariser> regularisers(ExperimentConfig config, org.holo.core.RadialGrid grid,
                                                 org.holo.core.metric.MetricParametrisation metric) {
        ModelContext context = new ModelContext(grid, new ScalarTheory(config.model.dimension, config.model.massSquared));
        return ModelAssembly.regularisers(config.training, context, metric);
    }

    public static Experiment build(ExperimentConfig config, Path baseDir) throws IOException {
        SeedStreams seeds = new SeedStreams(config.training.seed);
        HolographicNetwork network = ModelAssembly.network(config.model, baseDir);
        Objective objective = objective(config, network);
        double[] init = network.initialParameters(seeds.stream(SeedStreams.INIT)::gaussian);
        DataSources.Loaded loaded = DataSources.load(config.data, baseDir, network, network.lambda(init),
                network.radius(init), seeds.stream(SeedStreams.DATA), seeds.stream(SeedStreams.LABELS));
        if (config.training.batchSize > loaded.data().size()) {
            throw new IllegalArgumentException("training.batchSize (" + config.training.batchSize
                    + ") is larger than the training data (" + loaded.data().size() + " points)");
        }
        List<Path> inputs = new ArrayList<>(loaded.inputFiles());
        if (org.holo.core.metric.MetricStart.readsFile(config.model.metricInit.type)) {
            Path start = baseDir.resolve(config.model.metricInit.file).normalize();
            inputs.add("run".equals(config.model.metricInit.type) ? start.resolve(org.holo.train.run.RunDirectory.RESULT) : start);
        }
        return new Experiment(config, seeds, network, objective, loaded.data(), List.copyOf(inputs), init);
    }

    public ExperimentConfig config() {
        return config;
    }

    public SeedStreams seeds() {
        return seeds;
    }

    public HolographicNetwork network() {
        return network;
    }

    public Objective objective() {
        return objective;
    }

    public LabelledData data() {
        return data;
    }

    public List<Path> inputFiles() {
        return inputFiles;
    }

    public double[] initialParams() {
        return initialParams.clone();
    }

    /** The AdS radius L the run starts from (GeV⁻¹), or NaN when the boundary map has none. */
    public double initialRadius() {
        return network.radius(initialParams);
    }

    /** The initial weights of attempt k: k = 0 the run's own, k ≥ 1 those of its k-th restart (own stream each). */
    public double[] initialParams(int attempt) {
        if (attempt == 0) {
            return initialParams();
        }
        return network.initialParameters(seeds.stream(SeedStreams.INIT + "-restart-" + attempt)::gaussian);
    }
}
