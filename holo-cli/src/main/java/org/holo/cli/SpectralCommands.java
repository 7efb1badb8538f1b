package org.holo.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.nio.file.Files;
import java.util.List;
import org.holo.train.io.AtomicFiles;
import org.holo.train.loop.ProgressReporter;
import org.holo.train.spectrum.SpectralPrediction;
import org.holo.train.run.RunDirectory;
import org.holo.train.spectrum.SpectralConfig;
import org.holo.train.spectrum.SpectralConfigs;
import org.holo.train.spectrum.SpectralEnsemble;
import org.holo.train.spectrum.SpectralOutputs;
import org.holo.train.spectrum.SpectralReports;
import org.holo.train.spectrum.SpectralRun;

/** The meson-spectrum side of the commands that read a config or a run ({@code "kind": "meson-spectrum"}). */
final class SpectralCommands {

    private SpectralCommands() {
    }

    static int train(ConfigOptions options, CommonOptions.Out out, Path resume, boolean quiet, boolean noPlots) throws Exception {
        SpectralOutputs.Summary r;
        Path dir;
        if (resume != null) {
            if (options.config != null || out.path != null || options.seed != null || !options.overrides.isEmpty()) {
                throw new IllegalArgumentException("--resume RUN_DIR takes no CONFIG, --out, --seed or --set: the run directory holds its config");
            }
            dir = resume;
            r = SpectralRun.resume(dir, ProgressReporter.wanted(quiet) ? new ProgressReporter(System.err, "resumed", 0.5) : null);
        } else {
            SpectralConfig config = options.loadSpectral().config();
            dir = out.path != null ? out.path : Paths.get("runs", config.name + "-seed" + config.training.seed);
            RunDirectory.requireFresh(dir);
            String label = config.name + " seed " + config.training.seed;
            r = SpectralRun.execute(config, dir, ProgressReporter.wanted(quiet) ? new ProgressReporter(System.err, label, 0.5) : null);
        }
        System.err.println(summary(r, dir));
        if (!noPlots) {
            SpectralReports.writeAll(dir).forEach(n -> System.err.println("plot note: " + n));
        }
        return r.diverged() ? ExitCodes.DIVERGED : ExitCodes.OK;
    }

    static int predict(Path run, int maxN, int[] spins, CommonOptions.Out out) throws Exception {
        if (maxN < 0 || maxN > 50) {
            throw new IllegalArgumentException("--n: list levels 0 … N with N in 0 … 50, got " + maxN);
        }
        SpectralPrediction.Trained t = SpectralPrediction.read(run);
        List<SpectralPrediction.Level> levels = SpectralPrediction.levels(t, spins, maxN);
        System.out.print(SpectralPrediction.table(levels));
        if (out.path != null) {
            Files.createDirectories(out.path);
            Path file = out.path.resolve("masses.csv");
            AtomicFiles.write(file, SpectralPrediction.csv(levels));
            System.err.println("wrote " + file);
        }
        return ExitCodes.OK;
    }

    static int ensemble(Path config, List<Long> seeds, List<String> overrides, CommonOptions.Out out, boolean quiet) throws Exception {
        List<SpectralConfig> configs = new java.util.ArrayList<>();
        for (long s : seeds) {
            List<String> all = new java.util.ArrayList<>(overrides);
            all.add("training.seed=" + s);
            configs.add(SpectralConfigs.load(config, all).config());
        }
        Path dir = out.path != null ? out.path : Paths.get("runs", configs.get(0).name + "-ensemble");
        RunDirectory.requireFresh(dir);
        SpectralEnsemble.Outcome o = SpectralEnsemble.execute(configs, dir,
                label -> ProgressReporter.wanted(quiet) ? new ProgressReporter(System.err, label, 0.5) : null);
        for (SpectralOutputs.Summary m : o.members()) {
            System.err.println(String.format(Locale.ROOT, "seed %d: chi2/N %.5f%s", m.seed(), m.loss(),
                    m.converged() ? ", converged" : ", NOT converged: " + m.reason()));
        }
        System.err.println(o.converged() + " of " + o.members().size() + " converged; spread of the masses in "
                + dir.resolve(SpectralEnsemble.CSV));
        return ExitCodes.OK;
    }

    static String summary(SpectralOutputs.Summary r, Path dir) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s seed %d: chi2/N %.5f after %d steps, %.1f s",
                r.experiment(), r.seed(), r.loss(), r.steps(), r.seconds()));
        sb.append(r.converged() ? ", converged" : ", NOT converged: " + r.reason()).append('\n');
        sb.append(table(r));
        sb.append("run directory: ").append(dir);
        return sb.toString();
    }

    static String table(SpectralOutputs.Summary r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-22s %2s %2s %-9s %10s %9s %10s %8s %10s %10s%n",
                "state", "S", "n", "role", "m_data", "sigma", "m_model", "pull", "soft_wall", "regge"));
        // masses in GeV; soft_wall and regge: the baselines fitted to the trained states (physics.md §9.7)
        for (SpectralOutputs.Row row : r.rows()) {
            sb.append(String.format(Locale.ROOT, "  %-22s %2d %2d %-9s %10.4f %9.4f %10.4f %8.2f %10.4f %10.4f%n", row.state().name(),
                    row.state().spin(), row.state().n(), row.role(), row.state().mass(), row.sigma(), row.model(), row.pull(),
                    row.softWall(), row.regge()));
        }
        return sb.toString();
    }
}
