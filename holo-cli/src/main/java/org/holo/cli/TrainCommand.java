package org.holo.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.RunResult;
import org.holo.train.run.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one experiment and write a run directory:",
            "config.json (resolved config), metrics.jsonl, metric.csv (eta,h) and result.json."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:trained (result.json says whether it converged)", "2:bad usage, config or data",
            "3:training diverged", "4:I/O failure"})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/NAME-seedN). Must not exist or be empty.")
    Path out;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Loaded loaded = options.load();
        ExperimentConfig config = loaded.config();
        Path dir = out != null ? out : Paths.get("runs", config.name + "-seed" + config.training.seed);
        RunDirectory.requireFresh(dir);
        boolean progress = !quiet && !"true".equalsIgnoreCase(System.getenv("CI"));
        RunResult r = TrainingRun.execute(config, loaded.baseDir(), dir, progress ? System.err : null);
        System.err.println(summary(r, dir));
        if (r.diverged()) {
            return ExitCodes.DIVERGED;
        }
        return ExitCodes.OK;
    }

    private static String summary(RunResult r, Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s seed %d: loss %.5f after %d steps in %.1f s (%.1f us/step)",
                r.experiment(), r.seed(), r.loss(), r.steps(), r.seconds(), r.steps() > 0 ? r.seconds() * 1e6 / r.steps() : 0.0));
        if (r.verdict().converged()) {
            sb.append(", converged");
        } else {
            sb.append(", NOT converged: ").append(r.verdict().reason());
        }
        sb.append("\nrun directory: ").append(dir);
        return sb.toString();
    }
}
