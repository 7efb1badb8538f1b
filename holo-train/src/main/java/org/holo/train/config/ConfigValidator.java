package org.holo.train.config;

import java.util.List;
import org.holo.core.metric.MetricStart;
import org.holo.core.model.HolographicNetwork;

/** Checks the values of a bound config, naming the field path of the first problem. */
public final class ConfigValidator {

    /** Upper bounds that keep a typo from exhausting memory: 10^5 layers, 10^7 sampled points per class. */
    public static final int MAX_LAYERS = 100_000;
    public static final int MAX_POINTS = 10_000_000;

    /** The inputs of band data (a dataset of QCD points) and of data labelled by a known metric. */
    static final List<String> BAND_INPUTS = List.of("m_q_GeV", "condensate_GeV3");
    static final List<String> RAW_INPUTS = List.of("phi", "pi");

    private ConfigValidator() {
    }

    public static void validate(ExperimentConfig c, String file) {
        Check k = new Check(file);
        k.notNull(c.model, "model");
        k.notNull(c.data, "data");
        k.notNull(c.training, "training");
        k.notNull(c.name, "name");
        k.require(c.name.matches("[A-Za-z0-9._-]+"), "name", "must be a plain name (letters, digits, . _ -), got '" + c.name + "'");
        k.notNull(c.description, "description");
        ModelConfig m = c.model;
        k.notNull(m.grid, "model.grid");
        k.notNull(m.boundary, "model.boundary");
        k.notNull(m.output, "model.output");
        k.notNull(m.lambda, "model.lambda");
        k.notNull(m.metricInit, "model.metricInit");
        k.notNull(m.metric, "model.metric");
        k.require(m.dimension >= 1, "model.dimension", "must be at least 1, got " + m.dimension);
        k.finite(m.massSquared, "model.massSquared");
        k.finite(m.grid.etaIni, "model.grid.etaIni");
        k.finite(m.grid.etaFin, "model.grid.etaFin");
        k.require(m.grid.etaFin < m.grid.etaIni, "model.grid.etaFin",
                "must be smaller than model.grid.etaIni (" + m.grid.etaIni + "): layers run from the boundary to the horizon, got " + m.grid.etaFin);
        k.require(m.grid.layers >= 1, "model.grid.layers", "must be at least 1, got " + m.grid.layers);
        k.require(m.grid.layers <= MAX_LAYERS, "model.grid.layers", "must be at most " + MAX_LAYERS + ", got " + m.grid.layers);
        k.require(m.grid.etaFin > 0, "model.grid.etaFin",
                "must be positive: the horizon is at η = 0 and η_fin is the cutoff above it, got " + m.grid.etaFin);
        k.positive(m.output.epsilon, "model.output.epsilon");
        k.positive(m.output.delta, "model.output.delta");
        k.finite(m.lambda.initial, "model.lambda.initial");
        k.oneOf(m.metricInit.type, MetricStart.TYPES.toArray(new String[0]), "model.metricInit.type");
        k.notNull(m.metricInit.file, "model.metricInit.file");
        if (MetricStart.readsFile(m.metricInit.type)) {
            k.require(!m.metricInit.file.isBlank(), "model.metricInit.file", "must name a "
                    + ("table".equals(m.metricInit.type) ? "CSV file with columns eta,h" : "finished run directory")
                    + " (model.metricInit.type is " + m.metricInit.type + ")");
        } else {
            k.require(m.metricInit.file.isBlank(), "model.metricInit.file", "is read only when model.metricInit.type is table"
                    + " or run, got " + m.metricInit.type);
        }
        k.finite(m.metricInit.mean, "model.metricInit.mean");
        k.require(Double.isFinite(m.metricInit.std) && m.metricInit.std >= 0, "model.metricInit.std",
                "must be finite and >= 0, got " + m.metricInit.std);
        HolographicNetwork network = k.components(m);

        TrainingConfig t = c.training;
        k.require(t.epochs >= 0, "training.epochs", "must be >= 0, got " + t.epochs);
        k.require(t.batchSize >= 1, "training.batchSize", "must be at least 1, got " + t.batchSize);
        k.positive(t.learningRate, "training.learningRate");
        k.require(t.beta1 >= 0 && t.beta1 < 1, "training.beta1", "must lie in [0, 1), got " + t.beta1);
        k.require(t.beta2 >= 0 && t.beta2 < 1, "training.beta2", "must lie in [0, 1), got " + t.beta2);
        k.positive(t.adamEpsilon, "training.adamEpsilon");
        k.loss(t);
        k.nonNegative(t.boundaryRegularisation, "training.boundaryRegularisation");
        k.nonNegative(t.smoothnessRegularisation, "training.smoothnessRegularisation");
        k.oneOf(t.smoothnessProfile, new String[] {"eta4", "uniform"}, "training.smoothnessProfile");
        k.regularisers(t, network);
        k.positive(t.convergedLoss, "training.convergedLoss");
        k.require(t.regularisationWarmup >= 0 && t.regularisationWarmup <= t.epochs, "training.regularisationWarmup",
                "must lie in 0.." + t.epochs + " (training.epochs), got " + t.regularisationWarmup);
        k.require(t.decayEpochs >= 0 && t.decayEpochs <= t.epochs, "training.decayEpochs",
                "must lie in 0.." + t.epochs + " (training.epochs), got " + t.decayEpochs);
        k.positive(t.finalLearningRate, "training.finalLearningRate");
        k.notNull(t.restart, "training.restart");
        if (t.restart != null) {
            k.require(t.restart.maxRestarts >= 0, "training.restart.maxRestarts", "must be >= 0 (0: never), got " + t.restart.maxRestarts);
            k.require(t.restart.maxRestarts == 0 || (t.restart.afterEpochs >= 1 && t.restart.afterEpochs < t.epochs),
                    "training.restart.afterEpochs", "must lie in 1.." + (t.epochs - 1) + " (before training.epochs ends), got " + t.restart.afterEpochs);
            k.finite(t.restart.dataLossAbove, "training.restart.dataLossAbove");
        }
        k.require(t.checkpointEvery >= 0, "training.checkpointEvery", "must be >= 0 (0: only at the end), got " + t.checkpointEvery);

        if (c.data instanceof DataConfig.Band) {
            DataConfig.Band b = (DataConfig.Band) c.data;
            k.require(network.boundary().inputColumns().equals(BAND_INPUTS), "data.source",
                    "band data are (m_q, condensate): they need a boundary map with inputs " + BAND_INPUTS + " (model.boundary.type qcd), got "
                            + m.boundary.type + " with inputs " + network.boundary().inputColumns());
            k.notNull(b.dataset, "data.dataset");
            k.require(!b.dataset.isBlank(), "data.dataset", "must name a CSV file");
            k.require(b.fitDegree >= 0, "data.fitDegree", "must be >= 0, got " + b.fitDegree);
            k.range(b.mqRange_GeV, "data.mqRange_GeV", true);
            k.range(b.condensateRange_GeV3, "data.condensateRange_GeV3", true);
            k.positive(b.noiseStd_GeV3, "data.noiseStd_GeV3");
            counts(k, b.positives, b.negatives);
        } else if (c.data instanceof DataConfig.FromMetric) {
            DataConfig.FromMetric f = (DataConfig.FromMetric) c.data;
            k.require(network.boundary().inputColumns().equals(RAW_INPUTS), "data.source",
                    "metric data are raw (φ, π): they need a boundary map with inputs " + RAW_INPUTS + " (model.boundary.type raw), got "
                            + m.boundary.type);
            k.oneOf(f.metric, new String[] {"ads", "ads-schwarzschild", DataConfig.FromMetric.TABLE}, "data.metric");
            k.notNull(f.table, "data.table");
            if (DataConfig.FromMetric.TABLE.equals(f.metric)) {
                k.require(!f.table.isBlank(), "data.table", "must name a CSV file with columns eta,h (data.metric is table)");
            } else {
                k.require(f.table.isBlank(), "data.table", "is read only when data.metric is table, got data.metric " + f.metric);
            }
            k.oneOf(f.labels, new String[] {DataConfig.FromMetric.THRESHOLD, DataConfig.FromMetric.BERNOULLI}, "data.labels");
            k.range(f.phiRange, "data.phiRange", false);
            k.range(f.piRange, "data.piRange", false);
            k.positive(f.threshold, "data.threshold");
            counts(k, f.positives, f.negatives);
        } else if (c.data instanceof DataConfig.Csv) {
            DataConfig.Csv f = (DataConfig.Csv) c.data;
            k.notNull(f.file, "data.file");
            k.require(!f.file.isBlank(), "data.file", "must name a data file (CSV, or NumPy .npy)");
        }
        k.dataSource(c.data);
    }

    private static void counts(Check k, int positives, int negatives) {
        k.require(positives >= 1, "data.positives", "must be at least 1, got " + positives);
        k.require(negatives >= 1, "data.negatives", "must be at least 1, got " + negatives);
        k.require(positives <= MAX_POINTS, "data.positives", "must be at most " + MAX_POINTS + ", got " + positives);
        k.require(negatives <= MAX_POINTS, "data.negatives", "must be at most " + MAX_POINTS + ", got " + negatives);
    }

    private static final class Check {
        private final String file;

        Check(String file) {
            this.file = file;
        }

        void require(boolean ok, String path, String message) {
            if (!ok) {
                throw new ConfigException(file + ": " + path + ": " + message);
            }
        }

        /** The model's components, each reading its own section: their errors name the field. */
        HolographicNetwork components(ModelConfig m) {
            try {
                return ModelAssembly.network(m);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + e.getMessage());
            }
        }

        /** The data source reads its own section (a plugin's is checked only here): its errors name the field. */
        void dataSource(DataConfig data) {
            try {
                org.holo.train.data.DataSources.create(data, "data");
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + e.getMessage());
            }
        }

        void loss(TrainingConfig t) {
            try {
                ModelAssembly.loss(t);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + e.getMessage());
            }
        }

        /** The regularisers, each reading its own section of training.regularisers: their errors name the field. */
        void regularisers(TrainingConfig t, HolographicNetwork network) {
            require(t.regularisers != null, "training.regularisers", "is missing (null); [] for none");
            try {
                ModelAssembly.regularisers(t, new org.holo.core.component.ModelContext(network.grid(), network.theory()), network.metric());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + e.getMessage());
            }
        }

        void notNull(Object o, String path) {
            require(o != null, path, "is missing (null)");
        }

        void finite(double v, String path) {
            require(Double.isFinite(v), path, "must be a finite number, got " + v);
        }

        void positive(double v, String path) {
            require(Double.isFinite(v) && v > 0, path, "must be positive, got " + v);
        }

        void nonNegative(double v, String path) {
            require(Double.isFinite(v) && v >= 0, path, "must be >= 0, got " + v);
        }

        void oneOf(String v, String[] allowed, String path) {
            notNull(v, path);
            for (String a : allowed) {
                if (a.equals(v)) {
                    return;
                }
            }
            throw new ConfigException(file + ": " + path + ": unknown value '" + v + "' (expected one of " + String.join(", ", allowed) + ")");
        }

        void range(double[] r, String path, boolean nonNegative) {
            notNull(r, path);
            require(r.length == 2, path, "must be [from, to], got " + r.length + " numbers");
            require(Double.isFinite(r[0]) && Double.isFinite(r[1]) && r[0] < r[1], path,
                    "must be [from, to] with from < to, got [" + r[0] + ", " + r[1] + "]");
            if (nonNegative) {
                require(r[0] >= 0, path, "must not go below 0 (masses and condensates are non-negative), got " + r[0]);
            }
        }
    }
}
