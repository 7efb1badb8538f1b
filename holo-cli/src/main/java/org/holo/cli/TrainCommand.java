package org.holo.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.loop.ProgressReporter;
import org.holo.train.loop.TrainingListener;
import org.holo.train.report.Reports;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.RunResult;
import org.holo.train.run.TrainingRun;
import org.holo.train.spectrum.SpectralConfigs;
import org.holo.train.spectrum.SpectralReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one experiment and write a run directory:",
            "--out DIR (default: runs/NAME-seedN; it must not exist or be empty) receives",
            "config.json (resolved config), provenance.json, checkpoint.json, metrics.jsonl, metric.csv (eta,h)",
            "and result.json, then exports (export/), figures (plots/) and plot scripts (plot.gp, plot.py).",
            "With --resume RUN_DIR, continue an interrupted run from its checkpoint."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:trained (result.json says whether it converged)", "2:bad usage, config or data",
            "3:training diverged", "4:I/O failure"})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Mixin
    CommonOptions.Out out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the interrupted run in RUN_DIR from its checkpoint.")
    Path resume;

    @Mixin
    CommonOptions.Quiet quiet;

    @Option(names = "--no-plots", description = "Skip the exports, figures and plot scripts written at the end (see holo plot).")
    boolean noPlots;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long begin = System.nanoTime();
        double startup = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1e-3;
        double configSeconds = 0.0;
        boolean spectral = resume != null ? SpectralReports.isSpectral(resume) : options.config != null && SpectralConfigs.isSpectral(options.config);
        if (spectral) {
            return SpectralCommands.train(options, out, resume, quiet.quiet, noPlots);
        }
        RunResult r;
        Path dir;
        if (resume != null) {
            if (options.config != null || out.path != null || options.seed != null || !options.overrides.isEmpty()) {
                throw new IllegalArgumentException("--resume RUN_DIR takes no CONFIG, --out, --seed or --set: the run directory holds its config");
            }
            dir = resume;
            r = TrainingRun.resume(dir, progress("resumed"));
        } else {
            ConfigLoader.Loaded loaded = options.load();
            configSeconds = (System.nanoTime() - begin) * 1e-9;
            ExperimentConfig config = loaded.config();
            dir = out.path != null ? out.path : Paths.get("runs", config.name + "-seed" + config.training.seed);
            RunDirectory.requireFresh(dir);
            r = TrainingRun.execute(config, loaded.baseDir(), dir, progress(config.name + " seed " + config.training.seed));
        }
        double runSeconds = (System.nanoTime() - begin) * 1e-9 - configSeconds;
        System.err.println(summary(r, dir));
        long plotsBegin = System.nanoTime();
        if (!noPlots) {
            Reports.Summary reports = Reports.writeAll(dir);
            reports.notes().forEach(n -> System.err.println("plot note: " + n));
        }
        CommonOptions common = CommonOptions.of(spec);
        if (common != null && common.verbose()) {
            // where the time outside the training loop goes (docs/performance.md)
            System.err.printf(Locale.ROOT, "times: JVM start to command %.2f s, config %.2f s, data + setup + writing %.2f s,"
                    + " training loop %.2f s, exports and plots %.2f s%n", startup, configSeconds, runSeconds - r.seconds(),
                    r.seconds(), (System.nanoTime() - plotsBegin) * 1e-9);
        }
        return r.diverged() ? ExitCodes.DIVERGED : ExitCodes.OK;
    }

    private TrainingListener progress(String label) {
        return ProgressReporter.wanted(quiet.quiet) ? new ProgressReporter(System.err, label, 0.5) : null;
    }

    private static String summary(RunResult r, Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s seed %d: loss %.5f after %d steps, %.1f s (%.1f us/step)",
                r.experiment(), r.seed(), r.loss(), r.steps(), r.seconds(), r.microsecondsPerStep()));
        if (r.verdict().converged()) {
            sb.append(", converged");
        } else {
            sb.append(", NOT converged: ").append(r.verdict().reason());
        }
        sb.append("\nrun directory: ").append(dir);
        return sb.toString();
    }
}
