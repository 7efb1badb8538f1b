package org.holo.train.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.config.TrainingConfig;
import org.holo.train.loop.Backend;
import org.holo.train.loop.CpuBackend;
import org.holo.train.loop.DivergenceGuard;
import org.holo.train.loop.MetricsLog;
import org.holo.train.loop.ProgressReporter;
import org.holo.train.loop.Trainer;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingState;
import org.holo.train.optim.Adam;
import org.holo.train.random.SeedStreams;

/** One training run from a resolved config to a complete run directory. */
public final class TrainingRun {

    private TrainingRun() {
    }

    /**
     * Trains and writes config.json, metrics.jsonl, metric.csv and result.json into {@code outDir}.
     *
     * @param progress where progress lines go, or null for none
     */
    public static RunResult execute(ExperimentConfig config, Path baseDir, Path outDir, PrintStream progress) throws IOException {
        Experiment experiment = Experiment.build(config, baseDir);
        Outcome outcome = train(experiment, progress);
        RunDirectory.write(outDir, experiment, outcome);
        return outcome.result();
    }

    /** The result and the per-epoch metrics log of a finished run. */
    public record Outcome(RunResult result, String metricsLog) {
    }

    public static Outcome train(Experiment experiment, PrintStream progress) {
        ExperimentConfig config = experiment.config();
        TrainingConfig t = config.training;
        ParameterLayout layout = experiment.network().layout();
        double[] params = experiment.initialParams();
        Backend backend = new CpuBackend(experiment.objective(), t.batchSize);
        Adam adam = new Adam(layout.size(), layout.trainableMask(), t.learningRate, t.beta1, t.beta2, t.adamEpsilon);
        MetricsLog log = new MetricsLog();
        DivergenceGuard guard = new DivergenceGuard();
        List<TrainingListener> listeners = new ArrayList<>(List.of(guard, log));
        if (progress != null) {
            listeners.add(new ProgressReporter(progress, config.name + " seed " + t.seed, 2.0));
        }
        TrainingState s = new Trainer(t.epochs, t.batchSize).fit(backend, adam, layout, params, experiment.data(),
                experiment.seeds().stream(SeedStreams.SHUFFLE), listeners);
        double seconds = s.seconds();
        Verdict verdict = Verdict.judge(experiment.network(), params, config.model.boundary.initialRadius_GeV_inv,
                experiment.data(), s.epochLoss, t.convergedLoss, s.stopReason());
        int epochsDone = guard.diverged() ? s.epoch - 1 : s.epoch;
        RunResult result = new RunResult(config.name, t.seed, backend.name(), params, s.epochLoss, s.epochDataLoss,
                s.epochRegularisation, s.step, epochsDone, seconds, verdict, guard.diverged());
        return new Outcome(result, log.text());
    }
}
