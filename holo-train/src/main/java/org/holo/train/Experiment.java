package org.holo.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.BoundaryMap;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.data.LabelledData;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.horizon.HorizonConditions;
import org.holo.core.layer.LayerMap;
import org.holo.core.layer.LayerMaps;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.Regulariser;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.HorizonMetric;
import org.holo.core.metric.MetricParametrisation;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.config.ModelConfig;
import org.holo.train.data.DataSources;
import org.holo.train.random.Rng;
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

    /** Builds the network from the model section alone (no data, no seed). */
    public static HolographicNetwork network(ModelConfig m) {
        RadialGrid grid = new RadialGrid(m.grid.etaIni, m.grid.etaFin, m.grid.layers);
        ScalarTheory theory = new ScalarTheory(m.dimension, m.massSquared);
        LayerMap layers = LayerMaps.create(m.scheme, grid, m.massSquared);
        BoundaryMap boundary = "qcd".equals(m.boundary.type)
                ? new QcdBoundaryMap(grid.etaIni(), m.boundary.colours)
                : new RawBoundaryMap();
        return new HolographicNetwork(grid, theory, layers, boundary,
                HorizonConditions.create(m.horizon, grid.etaFin(), m.massSquared),
                new BumpOutput(m.output.epsilon, m.output.delta),
                metric(m, grid, layers.nodes()),
                m.boundary.trainRadius, m.lambda.trainable, m.metric.trainHorizonCoefficient);
    }

    private static MetricParametrisation metric(ModelConfig m, RadialGrid grid, double[] nodes) {
        switch (m.metric.type) {
            case "per-layer":
                return new PerLayerMetric(grid, nodes);
            case "horizon":
                return new HorizonMetric(grid, nodes);
            default:
                throw new IllegalArgumentException("model.metric.type: unknown '" + m.metric.type + "' (known: per-layer, horizon)");
        }
    }

    /** The training objective: data loss plus the boundary and smoothness regularisers of the training section. */
    public static Objective objective(ExperimentConfig config, HolographicNetwork network) {
        List<Regulariser> regs = new ArrayList<>();
        regs.add(new BoundaryRegulariser(config.training.boundaryRegularisation, config.model.dimension, network.metric()));
        regs.add(new SmoothnessRegulariser(config.training.smoothnessRegularisation, network.grid(),
                "uniform".equals(config.training.smoothnessProfile)));
        return new Objective(network, DataLoss.byName(config.training.loss), regs);
    }

    public static Experiment build(ExperimentConfig config, Path baseDir) throws IOException {
        SeedStreams seeds = new SeedStreams(config.training.seed);
        HolographicNetwork network = network(config.model);
        Objective objective = objective(config, network);
        DataSources.Loaded loaded = DataSources.load(config.data, baseDir, network, config.model.lambda.initial,
                config.model.boundary.initialRadius_GeV_inv, seeds.stream(SeedStreams.DATA));
        if (config.training.batchSize > loaded.data().size()) {
            throw new IllegalArgumentException("training.batchSize (" + config.training.batchSize
                    + ") is larger than the training data (" + loaded.data().size() + " points)");
        }
        double[] init = initialParams(config.model, network, seeds.stream(SeedStreams.INIT));
        return new Experiment(config, seeds, network, objective, loaded.data(), loaded.inputFiles(), init);
    }

    static double[] initialParams(ModelConfig m, HolographicNetwork network, Rng rng) {
        ParameterLayout layout = network.layout();
        double[] p = new double[layout.size()];
        ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
        double[] eta = network.grid().layerEtas();
        boolean horizon = layout.has(ParameterLayout.HORIZON);
        double c = m.metric.horizonCoefficient;
        if (horizon) {
            p[layout.offsetOf(ParameterLayout.HORIZON)] = c;
        }
        for (int i = 0; i < h.size(); i++) {
            double v;
            switch (m.metricInit.type) {
                case "normal":
                    v = rng.gaussian(m.metricInit.mean, m.metricInit.std);
                    break;
                case "constant":
                    v = m.metricInit.mean;
                    break;
                default:
                    v = AnalyticMetrics.byName(m.metricInit.type, m.dimension).h(eta[i]) - (horizon ? c / eta[i] : 0.0);
            }
            p[h.offset() + i] = v;
        }
        if (layout.has(ParameterLayout.RADIUS)) {
            p[layout.offsetOf(ParameterLayout.RADIUS)] = m.boundary.initialRadius_GeV_inv;
        }
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = m.lambda.initial;
        return p;
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

    /** The initial weights of attempt k: k = 0 the run's own, k ≥ 1 those of its k-th restart (own stream each). */
    public double[] initialParams(int attempt) {
        if (attempt == 0) {
            return initialParams();
        }
        return initialParams(config.model, network, seeds.stream(SeedStreams.INIT + "-restart-" + attempt));
    }
}
