package org.holo.train.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.config.TrainingConfig;
import org.holo.train.io.AtomicFiles;
import org.holo.train.loop.Backend;
import org.holo.train.loop.CpuBackend;
import org.holo.train.loop.DivergenceGuard;
import org.holo.train.loop.MetricsLog;
import org.holo.train.loop.PlateauRestart;
import org.holo.train.loop.TrainingSchedule;
import org.holo.train.loop.Trainer;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingState;
import org.holo.train.optim.Adam;
import org.holo.train.optim.Optimizer;
import org.holo.train.modes.RunModes;
import org.holo.train.random.SeedStreams;

/** One training run from a resolved config to a complete run directory, or resumed from its checkpoint. */
public final class TrainingRun {

    private TrainingRun() {
    }

    /** The result and the per-epoch metrics log of a finished run. */
    public record Outcome(RunResult result, String metricsLog) {
    }

    /**
     * Trains and writes the run directory: config.json and provenance.json first (so an interrupted run can be
     * resumed), checkpoint.json while training, then metrics.jsonl, metric.csv, result.json.
     *
     * @param progress where progress goes, or null for none
     */
    public static RunResult execute(ExperimentConfig config, Path baseDir, Path outDir, TrainingListener progress)
            throws IOException {
        Experiment experiment = Experiment.build(config, baseDir);
        ObjectNode provenance = Provenance.begin(experiment, "cpu", "cpu", "float64");
        try (RunClaim claim = RunDirectory.claim(outDir, true)) {
            AtomicFiles.write(outDir.resolve(RunDirectory.CONFIG), ConfigLoader.toJson(config));
            Provenance.write(outDir, provenance);
            return finish(outDir, experiment, train(experiment, progress, outDir, null), provenance);
        }
    }

    /** Continues an interrupted run from its checkpoint; ends with the same files as an uninterrupted run. */
    public static RunResult resume(Path runDir, TrainingListener progress) throws IOException {
        Checkpoint.requireResumable(runDir);
        ExperimentConfig config = ConfigLoader.load(runDir.resolve(RunDirectory.CONFIG), List.of()).config();
        Experiment experiment = Experiment.build(config, runDir.toAbsolutePath());
        Checkpoint checkpoint = Checkpoint.read(runDir);
        String dataHash = Provenance.dataSha256(experiment);
        if (!dataHash.equals(checkpoint.dataSha256())) {
            throw new IllegalArgumentException(runDir + ": the training data rebuilt from config.json differ from the"
                    + " checkpoint's (sha256 " + dataHash + " vs " + checkpoint.dataSha256() + "): an input file changed");
        }
        try (RunClaim claim = RunDirectory.claim(runDir, false)) {
            ObjectNode provenance = readProvenance(runDir, experiment);
            ArrayNode resumes = provenance.has("resumed") ? (ArrayNode) provenance.get("resumed") : provenance.putArray("resumed");
            resumes.addObject().put("at", Instant.now().toString()).put("from_step", checkpoint.position().step());
            return finish(runDir, experiment, train(experiment, progress, runDir, checkpoint), provenance);
        }
    }

    private static RunResult finish(Path dir, Experiment experiment, Outcome outcome, ObjectNode provenance) throws IOException {
        RunDirectory.write(dir, experiment, outcome);
        Provenance.finish(provenance, outcome.result());
        Provenance.write(dir, provenance);
        return outcome.result();
    }

    private static ObjectNode readProvenance(Path runDir, Experiment experiment) throws IOException {
        Path file = runDir.resolve(Provenance.FILE);
        if (Files.isRegularFile(file)) {
            JsonNode n = ConfigLoader.mapper().readTree(Files.readString(file));
            if (n instanceof ObjectNode) {
                return (ObjectNode) n;
            }
        }
        return Provenance.begin(experiment, "cpu", "cpu", "float64");
    }

    /**
     * The listeners that shape each attempt from the training section: a {@link PlateauRestart} when restarts are
     * on, then the {@link TrainingSchedule}, in that order (a restart starts the new attempt's schedule). Call
     * before the first step: the optimiser's current state is what a restart returns it to.
     */
    public static List<TrainingListener> attemptListeners(Experiment experiment, Optimizer optimizer) {
        TrainingConfig t = experiment.config().training;
        List<TrainingListener> listeners = new ArrayList<>(2);
        if (t.restart.maxRestarts > 0) {
            listeners.add(new PlateauRestart(t.restart.maxRestarts, t.restart.afterEpochs, t.restart.dataLossAbove,
                    experiment::initialParams, optimizer.state()));
        }
        listeners.add(new TrainingSchedule(t.epochs, t.regularisationWarmup, t.learningRate, t.decayEpochs,
                t.finalLearningRate));
        return listeners;
    }

    /** The loop of a training section: its epochs and batch size. */
    public static Trainer trainer(TrainingConfig t) {
        return new Trainer(t.epochs, t.batchSize);
    }

    /**
     * One experiment's training as the loop runs it (initial weights, Adam, shuffle stream and the listeners of a
     * single run), and the {@link Outcome} it ends with. A single run and every ensemble member start here, so a
     * member is the single run of its seed.
     */
    public static final class Session {
        private final Experiment experiment;
        private final Trainer.Member member;
        private final MetricsLog log;
        private final DivergenceGuard guard = new DivergenceGuard();
        private final long fromStep;

        private Session(Experiment experiment, TrainingListener progress, Path checkpointDir, Checkpoint resume) {
            TrainingConfig t = experiment.config().training;
            ParameterLayout layout = experiment.network().layout();
            Adam adam = new Adam(layout.size(), layout.trainableMask(), t.learningRate, t.beta1, t.beta2, t.adamEpsilon);
            this.experiment = experiment;
            this.log = new MetricsLog(resume == null ? List.of() : resume.metrics());
            this.fromStep = resume == null ? 0 : resume.position().step();
            List<TrainingListener> listeners = new ArrayList<>(List.of(guard, log));
            listeners.addAll(attemptListeners(experiment, adam));
            if (checkpointDir != null) {
                listeners.add(new Checkpointer(checkpointDir, t.checkpointEvery, log, Provenance.dataSha256(experiment)));
            }
            if (progress != null) {
                listeners.add(progress);
            }
            this.member = new Trainer.Member(adam, layout, experiment.initialParams(), experiment.data(),
                    experiment.seeds().stream(SeedStreams.SHUFFLE), listeners, resume == null ? null : resume.position());
        }

        public Experiment experiment() {
            return experiment;
        }

        /** What the loop trains. */
        public Trainer.Member member() {
            return member;
        }

        /** The result of the finished training {@code s}, computed on {@code backend}, and its metrics log. */
        public Outcome outcome(TrainingState s, String backend) {
            ExperimentConfig config = experiment.config();
            TrainingConfig t = config.training;
            double[] params = s.params;
            Verdict verdict = Verdict.judge(experiment.network(), params, experiment.initialRadius(),
                    experiment.data(), s.epochLoss, t.convergedLoss, s.stopReason());
            int epochsDone = s.stopped() ? s.epoch - 1 : s.epoch;
            RunResult result = new RunResult(config.name, t.seed, backend, params, s.epochLoss, s.epochDataLoss,
                    s.epochRegularisation, s.step, epochsDone, s.seconds(), s.step - fromStep, verdict, guard.diverged(),
                    s.restarts, SensitivityProfile.of(experiment.objective(), params, experiment.data()),
                    RunModes.computeIfFinite(config, experiment.network(), params, experiment.data()));
            return new Outcome(result, log.text());
        }
    }

    /** A fresh training of {@code experiment}, writing nothing; {@code progress} may be null. */
    public static Session session(Experiment experiment, TrainingListener progress) {
        return new Session(experiment, progress, null, null);
    }

    /** Trains without writing anything. */
    public static Outcome train(Experiment experiment, TrainingListener progress) {
        return train(experiment, progress, null, null);
    }

    /** Trains on {@code backend} (one member per call) without writing anything. */
    public static Outcome train(Experiment experiment, Backend backend, TrainingListener progress) {
        Session session = session(experiment, progress);
        return run(session, backend);
    }

    static Outcome train(Experiment experiment, TrainingListener progress, Path checkpointDir, Checkpoint resume) {
        Session session = new Session(experiment, progress, checkpointDir, resume);
        try (Backend backend = new CpuBackend(experiment.objective(), experiment.config().training.batchSize)) {
            return run(session, backend);
        }
    }

    private static Outcome run(Session session, Backend backend) {
        TrainingState s = trainer(session.experiment().config().training).fit(backend, List.of(session.member())).get(0);
        return session.outcome(s, backend.name());
    }
}
