package org.holo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.DataConfig;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.data.DataSources;
import org.holo.train.spectrum.SpectralConfigs;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The config file and the flags that override it, shared by the commands that read a config. */
final class ConfigOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "Experiment config (JSON), e.g. experiments/hstt2018-qcd.json")
    Path config;

    @Option(names = "--seed", paramLabel = "N", description = "Run seed (overrides training.seed).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config field by its dotted path, e.g. --set training.epochs=5 (repeatable).")
    List<String> overrides = new ArrayList<>();

    ConfigLoader.Loaded load() {
        if (config == null) {
            throw new IllegalArgumentException("missing CONFIG: the experiment config file, e.g. experiments/hstt2018-qcd.json");
        }
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("training.seed=" + seed);
        }
        ConfigLoader.Loaded loaded = ConfigLoader.load(config, all);
        checkBatchSize(loaded);
        return loaded;
    }

    /** The config as a meson-spectrum config (with --seed and --set applied); see {@link SpectralConfigs}. */
    SpectralConfigs.Loaded loadSpectral() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("training.seed=" + seed);
        }
        return SpectralConfigs.load(config, all);
    }

    /**
     * training.batchSize must not exceed the number of training points: checked here, against the config file,
     * before any data are sampled (data.positives + data.negatives) or read (the rows of a CSV data file). Problems
     * of the CSV itself are left to the data loader, which reports them when the experiment is built.
     */
    private void checkBatchSize(ConfigLoader.Loaded loaded) {
        ExperimentConfig c = loaded.config();
        long points;
        String what;
        if (c.data instanceof DataConfig.Band) {
            DataConfig.Band b = (DataConfig.Band) c.data;
            points = (long) b.positives + b.negatives;
            what = "data.positives + data.negatives = " + points;
        } else if (c.data instanceof DataConfig.FromMetric) {
            DataConfig.FromMetric f = (DataConfig.FromMetric) c.data;
            points = (long) f.positives + f.negatives;
            what = "data.positives + data.negatives = " + points;
        } else if (c.data instanceof DataConfig.Csv) {
            Path file = loaded.baseDir().resolve(((DataConfig.Csv) c.data).file).normalize();
            try {
                points = DataSources.rowsUpTo(file, Experiment.network(c.model), c.training.batchSize);
            } catch (IOException | RuntimeException e) {
                return;
            }
            what = points + " rows in " + file;
        } else {
            return;
        }
        if (c.training.batchSize > points) {
            String key = "training.batchSize";
            String from = overrides.stream().filter(o -> o.strip().startsWith(key + "=") || o.strip().startsWith(key + " ="))
                    .reduce((a, b) -> b).map(o -> " (from --set " + o.strip() + ")").orElse("");
            throw new ConfigException(config + ": " + key + from + ": must not exceed the number of training points ("
                    + what + "), got " + c.training.batchSize);
        }
    }
}
