package org.holo.train.ensemble;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.MachineInfo;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.io.AtomicFiles;
import org.holo.train.io.JsonNumbers;
import org.holo.train.loop.Backend;
import org.holo.train.run.Provenance;
import org.holo.train.run.RunClaim;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.RunResult;
import org.holo.train.run.TrainingRun;

/**
 * An ensemble: one config trained from many seeds on one backend, each member as the single run of its seed,
 * written as
 * <pre>
 *   DIR/seed-S/      a complete run directory per seed (the files of holo train)
 *   DIR/summary.json statistics over the converged members (L, 1/L in MeV, λ, final loss), failed seeds and why,
 *                    and per member its sensitivity profile (as in its result.json)
 *   DIR/ensemble.csv eta,h_mean,h_std,h_q16,h_median,h_q84: the learned metric with its spread, per layer
 * </pre>
 */
public final class EnsembleRun {

    public static final String SUMMARY = "summary.json";
    public static final String CSV = "ensemble.csv";
    public static final String CSV_HEADER = String.join(",", MetricBand.COLUMNS);

    private EnsembleRun() {
    }

    /** The outcome: one result per member (in seed order) and the summary as written. */
    public record Outcome(List<RunResult> runs, List<Path> dirs, ObjectNode summary, String csv, double seconds,
                          String backend, String device) {

        public int converged() {
            return (int) runs.stream().filter(r -> r.verdict().converged()).count();
        }
    }

    /** The run directory of one seed inside an ensemble directory. */
    public static Path memberDir(Path outDir, long seed) {
        return outDir.resolve("seed-" + seed);
    }

    /**
     * Trains the ensemble and writes its directory.
     *
     * @param configs  one resolved config per member: the same config, each with its own training.seed
     * @param backend  the name of an {@link EnsembleBackendProvider} (cpu, djl, …), or null for cpu
     * @param device   the backend's device (for djl: cpu, gpu, gpu:N), or null for its default
     * @param log      where the backend line and warnings go (stderr), or null
     * @param progress per-member progress, or null
     */
    public static Outcome execute(List<ExperimentConfig> configs, Path baseDir, Path outDir, String backend,
                                  String device, PrintStream log, EnsembleProgress progress) throws IOException {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one seed");
        }
        Set<Long> seen = new HashSet<>();
        for (ExperimentConfig c : configs) {
            if (!seen.add(c.training.seed)) {
                throw new IllegalArgumentException("seed " + c.training.seed + " appears twice in the ensemble");
            }
        }
        EnsembleBackendProvider provider = EnsembleBackendProvider.named(backend);
        RunDirectory.requireFresh(outDir);
        List<Experiment> experiments = new ArrayList<>(configs.size());
        for (ExperimentConfig c : configs) {
            experiments.add(Experiment.build(c, baseDir));
        }
        EnsembleTrainer trainer = new EnsembleTrainer(provider, device);
        try (Backend b = provider.open(experiments.get(0), device)) {
            if (log != null) {
                int threads = trainer.threads(experiments.size());
                log.println(b.describe() + (provider.lockstep() ? ", members in lockstep"
                        : ", members on " + threads + " thread" + (threads == 1 ? "" : "s")));
            }
            return train(experiments, trainer, b, outDir, progress);
        }
    }

    /**
     * Trains the members of {@code experiments} with {@code trainer} and writes the ensemble directory, which it
     * claims first (a second run on the same directory fails and leaves it alone).
     *
     * @param backend open on the first member's model: its name, device and versions go into provenance
     */
    public static Outcome train(List<Experiment> experiments, EnsembleTrainer trainer, Backend backend, Path outDir,
                                EnsembleProgress progress) throws IOException {
        try (RunClaim claim = RunDirectory.claim(outDir, true)) {
            return trainClaimed(experiments, trainer, backend, outDir, progress);
        }
    }

    private static Outcome trainClaimed(List<Experiment> experiments, EnsembleTrainer trainer, Backend backend, Path outDir,
                                        EnsembleProgress progress) throws IOException {
        Files.createDirectories(outDir);
        List<ObjectNode> provenances = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (Experiment e : experiments) {
            Path dir = memberDir(outDir, e.config().training.seed);
            RunDirectory.requireFresh(dir);
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(RunDirectory.CONFIG), ConfigLoader.toJson(e.config()));
            ObjectNode provenance = Provenance.begin(e, backend.name(), backend.device(), backend.dtype());
            ObjectNode versions = (ObjectNode) provenance.get("versions");
            for (Map.Entry<String, String> v : backend.versions().entrySet()) {
                versions.put(v.getKey(), v.getValue());
            }
            ObjectNode ens = provenance.putObject("ensemble");
            ens.put("directory", outDir.toAbsolutePath().normalize().toString());
            ArrayNode seeds = ens.putArray("seeds");
            experiments.forEach(x -> seeds.add(x.config().training.seed));
            Provenance.write(dir, provenance);
            provenances.add(provenance);
            dirs.add(dir);
        }

        long start = System.nanoTime();
        List<TrainingRun.Outcome> outcomes;
        try {
            outcomes = trainer.train(experiments, backend, progress);
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        long steps = 0;
        List<RunResult> runs = new ArrayList<>();
        for (int s = 0; s < outcomes.size(); s++) {
            TrainingRun.Outcome o = outcomes.get(s);
            RunDirectory.write(dirs.get(s), experiments.get(s), o);
            Provenance.finish(provenances.get(s), o.result());
            Provenance.write(dirs.get(s), provenances.get(s));
            runs.add(o.result());
            steps = Math.max(steps, o.result().steps());
        }
        ExperimentConfig config = experiments.get(0).config();
        HolographicNetwork network = experiments.get(0).network();
        ObjectNode summary = summary(config, network, runs, outDir, backend, seconds, steps);
        String csv = csv(network, runs);
        AtomicFiles.write(outDir.resolve(SUMMARY), ConfigLoader.mapper().writeValueAsString(summary) + "\n");
        AtomicFiles.write(outDir.resolve(CSV), csv);
        return new Outcome(runs, dirs, summary, csv, seconds, backend.name(), backend.device());
    }

    /** summary.json: statistics over the converged members, the failed ones with reasons, the per-seed results. */
    static ObjectNode summary(ExperimentConfig config, HolographicNetwork network, List<RunResult> runs, Path outDir,
                              Backend backend, double seconds, long steps) {
        ParameterLayout layout = network.layout();
        boolean hasRadius = layout.has(ParameterLayout.RADIUS);
        int radius = layout.offsetOf(ParameterLayout.RADIUS);
        int lambda = layout.offsetOf(ParameterLayout.LAMBDA);
        List<RunResult> ok = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.verdict().converged()) {
                ok.add(r);
            }
        }
        double[] l = new double[ok.size()];
        double[] invL = new double[ok.size()];
        double[] lam = new double[ok.size()];
        double[] loss = new double[ok.size()];
        for (int i = 0; i < ok.size(); i++) {
            double[] p = ok.get(i).params();
            l[i] = hasRadius ? p[radius] : Double.NaN;
            invL[i] = 1000.0 / l[i];
            lam[i] = p[lambda];
            loss[i] = ok.get(i).loss();
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("experiment", config.name);
        o.put("directory", outDir.toAbsolutePath().normalize().toString());
        o.put("backend", backend.name());
        o.put("device", backend.device());
        o.put("dtype", backend.dtype());
        ObjectNode versions = o.putObject("versions");
        versions.put("holo", MachineInfo.holoVersion());
        versions.put("java", MachineInfo.java());
        backend.versions().forEach(versions::put);
        MachineInfo.putMachine(o);
        ArrayNode seeds = o.putArray("seeds");
        runs.forEach(r -> seeds.add(r.seed()));
        o.put("members", runs.size());
        o.put("converged", ok.size());
        o.put("failed", runs.size() - ok.size());
        o.put("statistics_over", "converged members only (training.convergedLoss "
                + config.training.convergedLoss + ")");
        ObjectNode defs = o.putObject("definitions");
        defs.put("mean", "arithmetic mean");
        defs.put("std", Statistics.DEFINITIONS_STD);
        defs.put("median", "the 50 % quantile");
        defs.put("q16_q84", "16 % and 84 % quantiles, " + Statistics.DEFINITIONS_QUANTILES);
        defs.put("loss", "mean mini-batch loss of the final epoch (data + regularisation)");
        defs.put("sensitivity", RunResult.SENSITIVITY_DEFINITION);
        if (hasRadius) {
            defs.put("inverse_L_MeV", "1000 / L per member, then the statistics (not 1000 / mean L)");
            Statistics inv = Statistics.of(invL);
            o.put("result", ok.isEmpty() ? "no member converged"
                    : String.format(Locale.ROOT, "1/L = %s MeV (mean ± std over %d converged of %d seeds)",
                    plusMinus(inv), ok.size(), runs.size()));
            o.set("L_GeV_inv", Statistics.of(l).toJson());
            o.set("inverse_L_MeV", inv.toJson());
        }
        if (!hasRadius) {
            o.put("result", String.format(Locale.ROOT, "%d converged of %d seeds; h(eta) with its spread in %s",
                    ok.size(), runs.size(), CSV));
        }
        o.set("lambda", Statistics.of(lam).toJson());
        o.set("loss", Statistics.of(loss).toJson());
        ArrayNode failed = o.putArray("failed_seeds");
        for (RunResult r : runs) {
            if (!r.verdict().converged()) {
                ObjectNode x = failed.addObject();
                x.put("seed", r.seed());
                x.put("reason", r.verdict().reason());
            }
        }
        ArrayNode members = o.putArray("runs");
        for (RunResult r : runs) {
            ObjectNode x = members.addObject();
            x.put("seed", r.seed());
            x.put("directory", "seed-" + r.seed());
            x.put("converged", r.verdict().converged());
            JsonNumbers.put(x, "loss", r.loss());
            if (hasRadius) {
                JsonNumbers.put(x, "L_GeV_inv", r.params()[radius]);
                JsonNumbers.put(x, "inverse_L_MeV", 1000.0 / r.params()[radius]);
            }
            JsonNumbers.put(x, "lambda", r.params()[lambda]);
            JsonNumbers.put(x, "accuracy", r.verdict().accuracy());
            x.put("steps", r.steps());
            x.put("restarts", r.restarts());
            // per member: how well the data fix h at each layer, to set beside the spread in ensemble.csv
            JsonNumbers.addAll(x.putArray("sensitivity"), r.sensitivity());
        }
        o.put("steps_per_member", steps);
        JsonNumbers.put(o, "seconds", seconds);
        JsonNumbers.put(o, "microseconds_per_ensemble_step", steps > 0 ? seconds * 1e6 / steps : Double.NaN);
        o.put("finished_at", Instant.now().toString());
        return o;
    }

    /** "237 ± 3" with the precision of the std's two leading digits; "237 (n = 1, no std)" for one member. */
    public static String plusMinus(Statistics s) {
        if (s.n() == 0) {
            return "n/a";
        }
        if (!Double.isFinite(s.std())) {
            return String.format(Locale.ROOT, "%.4g (one member, no std)", s.mean());
        }
        int decimals = 0;
        if (s.std() > 0) {
            decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(s.std())));
        }
        decimals = Math.min(decimals, 12);
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", s.mean(), s.std());
    }

    /**
     * The spread of h over the converged members, per layer (NaN where undefined: std for fewer than two members,
     * everything for none), as the report package draws it.
     */
    public static MetricBand band(HolographicNetwork network, List<RunResult> runs) {
        double[] eta = network.grid().layerEtas();
        List<double[]> ok = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.verdict().converged()) {
                ok.add(network.metricAtLayers(r.params()));
            }
        }
        int n = eta.length;
        double[] mean = new double[n];
        double[] std = new double[n];
        double[] q16 = new double[n];
        double[] median = new double[n];
        double[] q84 = new double[n];
        double[] h = new double[ok.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < ok.size(); k++) {
                h[k] = ok.get(k)[i];
            }
            Statistics s = Statistics.of(h);
            mean[i] = s.mean();
            std[i] = s.std();
            q16[i] = s.q16();
            median[i] = s.median();
            q84[i] = s.q84();
        }
        return new MetricBand(java.util.Arrays.copyOf(eta, n), mean, std, q16, median, q84, ok.size());
    }

    /** ensemble.csv: header eta,h_mean,h_std,h_q16,h_median,h_q84, one row per layer, boundary to horizon. */
    static String csv(HolographicNetwork network, List<RunResult> runs) {
        MetricBand b = band(network, runs);
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (int i = 0; i < b.eta().length; i++) {
            sb.append(b.eta()[i]).append(',').append(b.mean()[i]).append(',').append(b.std()[i]).append(',')
                    .append(b.q16()[i]).append(',').append(b.median()[i]).append(',').append(b.q84()[i]).append('\n');
        }
        return sb.toString();
    }
}
