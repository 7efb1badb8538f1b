package org.holo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.config.ConfigLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The config file and the flags that override it, shared by the commands that read a config. */
final class ConfigOptions {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config (JSON), e.g. experiments/hstt2018-qcd.json")
    Path config;

    @Option(names = "--seed", paramLabel = "N", description = "Run seed (overrides training.seed).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config field by its dotted path, e.g. --set training.epochs=5 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    ConfigLoader.Loaded load() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("training.seed=" + seed);
        }
        return ConfigLoader.load(config, all);
    }
}
