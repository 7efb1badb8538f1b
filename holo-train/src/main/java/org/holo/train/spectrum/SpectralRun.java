package org.holo.train.spectrum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.model.Objective;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.loop.DivergenceGuard;
import org.holo.train.loop.MetricsLog;
import org.holo.train.loop.Trainer;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingSchedule;
import org.holo.train.loop.TrainingState;
import org.holo.train.optim.Adam;
import org.holo.train.random.SeedStreams;
import org.holo.train.run.Checkpoint;
import org.holo.train.run.Checkpointer;
import org.holo.train.run.Provenance;
import org.holo.train.run.RunClaim;
import org.holo.train.run.RunDirectory;

/**
 * One meson-spectrum run, from a resolved config to a complete run directory, on the shared training loop
 * ({@link Trainer}: full-batch Adam, the {@link TrainingSchedule}, divergence guard, metrics log and checkpoints):
 * config.json and provenance.json first, checkpoint.json while training, then metrics.jsonl, result.json and the
 * tables of {@link SpectralOutputs}.
 */
public final class SpectralRun {

    private SpectralRun() {
    }

    /** What a finished training leaves: final parameters, losses, steps and why it stopped (null when it ran out). */
    public record Outcome(double[] params, double loss, double dataLoss, double regularisation, long steps, int epochs,
                          double seconds, long sessionSteps, boolean diverged, String stopReason, String metricsLog) {
    }

    public static SpectralOutputs.Summary execute(SpectralConfig config, Path outDir, TrainingListener progress) throws IOException {
        SpectralExperiment e = SpectralExperiment.build(config);
        ObjectNode provenance = provenance(e);
        try (RunClaim claim = RunDirectory.claim(outDir, true)) {
            AtomicFiles.write(outDir.resolve(RunDirectory.CONFIG), SpectralConfigs.toJson(config));
            Provenance.write(outDir, provenance);
            return finish(outDir, e, train(e, progress, outDir, null), provenance);
        }
    }

    /** Continues an interrupted run from its checkpoint; ends with the same files as an uninterrupted run. */
    public static SpectralOutputs.Summary resume(Path runDir, TrainingListener progress) throws IOException {
        Checkpoint.requireResumable(runDir);
        SpectralExperiment e = SpectralExperiment.build(SpectralConfigs.load(runDir.resolve(RunDirectory.CONFIG), List.of()).config());
        Checkpoint checkpoint = Checkpoint.read(runDir);
        String hash = Provenance.dataSha256(e.data());
        if (!hash.equals(checkpoint.dataSha256())) {
            throw new IllegalArgumentException(runDir + ": the training data rebuilt from config.json differ from the checkpoint's");
        }
        try (RunClaim claim = RunDirectory.claim(runDir, false)) {
            Path file = runDir.resolve(Provenance.FILE);
            JsonNode read = Files.isRegularFile(file) ? ConfigLoader.mapper().readTree(Files.readString(file)) : null;
            ObjectNode provenance = read instanceof ObjectNode o ? o : provenance(e);
            ArrayNode resumes = provenance.has("resumed") ? (ArrayNode) provenance.get("resumed") : provenance.putArray("resumed");
            resumes.addObject().put("at", Instant.now().toString()).put("from_step", checkpoint.position().step());
            return finish(runDir, e, train(e, progress, runDir, checkpoint), provenance);
        }
    }

    private static ObjectNode provenance(SpectralExperiment e) throws IOException {
        return Provenance.begin(e.seeds(), "cpu", "cpu", "float64", e.inputFiles(), e.data(),
                ConfigLoader.mapper().valueToTree(e.config()));
    }

    private static SpectralOutputs.Summary finish(Path dir, SpectralExperiment e, Outcome o, ObjectNode provenance) throws IOException {
        SpectralOutputs.Summary summary = SpectralOutputs.write(dir, e, o);
        Provenance.finish(provenance, o.steps(), o.epochs(), o.seconds());
        Provenance.write(dir, provenance);
        return summary;
    }

    /** Trains without writing anything (tests, ensembles). */
    public static Outcome train(SpectralExperiment e, TrainingListener progress) {
        return train(e, progress, null, null);
    }

    static Outcome train(SpectralExperiment e, TrainingListener progress, Path checkpointDir, Checkpoint resume) {
        SpectralConfig.Training t = e.config().training;
        Adam adam = new Adam(e.layout().size(), e.layout().trainableMask(), t.learningRate, t.beta1, t.beta2, t.adamEpsilon);
        MetricsLog log = new MetricsLog(resume == null ? List.of() : resume.metrics());
        DivergenceGuard guard = new DivergenceGuard();
        List<TrainingListener> listeners = new ArrayList<>(List.of(guard, log,
                new TrainingSchedule(t.epochs, 0, t.learningRate, t.decayEpochs, t.finalLearningRate)));
        if (checkpointDir != null) {
            listeners.add(new Checkpointer(checkpointDir, t.checkpointEvery, log, Provenance.dataSha256(e.data())));
        }
        if (progress != null) {
            listeners.add(progress);
        }
        Trainer.Member member = new Trainer.Member(adam, e.layout(), e.initialParams(), e.data(),
                e.seeds().stream(SeedStreams.SHUFFLE), listeners, resume == null ? null : resume.position());
        // one mini-batch of every training state: the loss is the χ²/N of the whole spectrum at every step
        TrainingState s = new Trainer(t.epochs, e.data().size()).fit(new SpectralBackend(e.objective()), List.of(member)).get(0);
        long from = resume == null ? 0 : resume.position().step();
        int epochsDone = s.stopped() ? s.epoch - 1 : s.epoch;
        return new Outcome(s.params.clone(), s.epochLoss, s.epochDataLoss, s.epochRegularisation, s.step, epochsDone,
                s.seconds(), s.step - from, guard.diverged(), s.stopReason(), log.text());
    }

    /** The objective's parts at {@code params} over every trained state, with regularisers (for reports and tests). */
    public static Objective.Value evaluate(SpectralExperiment e, double[] params) {
        int n = e.data().size();
        double[] spin = new double[n];
        double[] level = new double[n];
        double[] mass = new double[n];
        for (int i = 0; i < n; i++) {
            spin[i] = e.data().x0(i);
            level[i] = e.data().x1(i);
            mass[i] = e.data().label(i);
        }
        org.holo.core.model.Batch batch = org.holo.core.model.Batch.of(spin, level, mass);
        Objective.Value v = new Objective.Value();
        e.objective().evaluate(params, batch, new double[params.length], v, true);
        return v;
    }
}
