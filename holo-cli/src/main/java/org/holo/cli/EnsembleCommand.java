package org.holo.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.core.component.Registry;
import org.holo.train.config.ConfigLoader;
import org.holo.train.spectrum.SpectralConfigs;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.ensemble.EnsembleBackendProvider;
import org.holo.train.ensemble.EnsembleProgress;
import org.holo.train.ensemble.EnsembleRun;
import org.holo.train.ensemble.SeedList;
import org.holo.train.ensemble.Statistics;
import org.holo.train.loop.ProgressReporter;
import org.holo.train.report.Reports;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Train one experiment from many seeds and summarise the spread.",
            "Writes into --out DIR (default: runs/NAME-ensemble; must not exist or be empty):",
            "DIR/seed-S/ (a run directory per seed, as holo train writes it),",
            "DIR/summary.json (L, 1/L in MeV, lambda, final loss over the converged seeds:",
            "mean, std, median, 16/84 %% quantiles; failed seeds and why) and",
            "DIR/ensemble.csv (eta,h_mean,h_std,h_q16,h_median,h_q84) for error bands."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the ensemble ran (summary.json says which seeds converged)", "2:bad usage, config, data or device",
            "4:I/O failure"})
final class EnsembleCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "Experiment config (JSON), e.g. experiments/hstt2018-qcd.json")
    Path config;

    @Option(names = "--seeds", paramLabel = "SEEDS", required = true,
            description = "Seeds of the members: a range 1..K, a list a,b,c, or both (1..8,12).")
    String seeds;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "cpu",
            description = "cpu (plain-Java adjoint, members spread over the cores; default) or djl (DJL/PyTorch float64, all members in one tensor program).")
    String backend;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "For --backend djl: cpu, gpu or gpu:N (default: a GPU if DJL sees one, else the CPU). A GPU that is not there is an error.")
    String device;

    @Mixin
    CommonOptions.Out out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config field by its dotted path, e.g. --set training.epochs=5 (repeatable; not training.seed).")
    List<String> overrides = new ArrayList<>();

    @Mixin
    CommonOptions.Quiet quiet;

    @Option(names = "--no-plots", description = "Skip the band export, figures and plot scripts written at the end (see holo plot).")
    boolean noPlots;

    @Override
    public Integer call() throws Exception {
        if (config == null) {
            throw new IllegalArgumentException("missing CONFIG: the experiment config file, e.g. experiments/hstt2018-qcd.json");
        }
        Registry<EnsembleBackendProvider> backends = Registry.of(EnsembleBackendProvider.KIND);
        if (!backends.has(backend)) {
            throw new IllegalArgumentException("--backend " + backend + ": " + backends.unknown(backend));
        }
        for (String o : overrides) {
            if (o.strip().startsWith("training.seed=")) {
                throw new IllegalArgumentException("--set " + o + ": the seeds of an ensemble come from --seeds");
            }
        }
        List<Long> seedList = asOptions(() -> SeedList.parse(seeds));
        if (SpectralConfigs.isSpectral(config)) {
            if (!"cpu".equals(backend) || device != null) {
                throw new IllegalArgumentException("--backend " + backend + ": meson-spectrum runs train on the cpu backend only");
            }
            return SpectralCommands.ensemble(config, seedList, overrides, out, quiet.quiet);
        }
        List<ExperimentConfig> configs = new ArrayList<>();
        Path baseDir = null;
        for (long s : seedList) {
            List<String> all = new ArrayList<>(overrides);
            all.add("training.seed=" + s);
            ConfigLoader.Loaded loaded = ConfigLoader.load(config, all);
            configs.add(loaded.config());
            baseDir = loaded.baseDir();
        }
        String name = configs.get(0).name;
        Path dir = out.path != null ? out.path : Paths.get("runs", name + "-ensemble");
        RunDirectory.requireFresh(dir);
        EnsembleProgress progress = ProgressReporter.wanted(quiet.quiet)
                ? new EnsembleProgress(System.err, name + " x" + seedList.size(), 0.5) : null;
        Path base = baseDir;
        EnsembleRun.Outcome o = asOptions(() -> EnsembleRun.execute(configs, base, dir, backend, device,
                System.err, progress));
        System.err.println(summary(o, name, dir));
        if (!noPlots && o.converged() > 0) {
            Reports.writeEnsemble(dir).notes().forEach(n -> System.err.println("plot note: " + n));
        }
        return ExitCodes.OK;
    }

    /** The library starts an error about a parameter with its name ("seeds 5..1: …"); here it is an option. */
    private static <T> T asOptions(Callable<T> call) throws Exception {
        try {
            return call.call();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            for (String parameter : List.of("seeds ", "device ")) {
                if (m != null && m.startsWith(parameter)) {
                    throw new IllegalArgumentException("--" + m, e);
                }
            }
            throw e;
        }
    }

    private static String summary(EnsembleRun.Outcome o, String name, Path dir) {
        StringBuilder sb = new StringBuilder();
        int n = o.runs().size();
        int ok = o.converged();
        sb.append(String.format(Locale.ROOT, "%s ensemble of %d seed%s on %s (%s) in %.1f s: %d converged", name, n,
                n == 1 ? "" : "s", o.backend(), o.device(), o.seconds(), ok));
        List<String> failed = new ArrayList<>();
        for (RunResult r : o.runs()) {
            if (!r.verdict().converged()) {
                failed.add(String.valueOf(r.seed()));
            }
        }
        if (!failed.isEmpty()) {
            sb.append(", not converged: seed").append(failed.size() == 1 ? " " : "s ").append(String.join(", ", failed))
                    .append(" (reasons in summary.json)");
        }
        var s = o.summary();
        if (s.has("inverse_L_MeV") && ok > 0) {
            Statistics inv = stats(s.get("inverse_L_MeV"));
            sb.append(String.format(Locale.ROOT, "%n1/L = %s MeV (mean ± std over %d converged seed%s); median %.4g,"
                    + " 16-84 %%: %.4g - %.4g", EnsembleRun.plusMinus(inv), ok, ok == 1 ? "" : "s", inv.median(), inv.q16(), inv.q84()));
            Statistics l = stats(s.get("L_GeV_inv"));
            sb.append(String.format(Locale.ROOT, "%nL = %s GeV^-1", EnsembleRun.plusMinus(l)));
        }
        if (ok > 0) {
            sb.append(String.format(Locale.ROOT, "%nlambda = %s, final loss = %s", EnsembleRun.plusMinus(stats(s.get("lambda"))),
                    EnsembleRun.plusMinus(stats(s.get("loss")))));
        }
        sb.append("\nensemble directory: ").append(dir).append(" (summary.json, ensemble.csv, seed-S/)");
        return sb.toString();
    }

    private static Statistics stats(com.fasterxml.jackson.databind.JsonNode n) {
        return new Statistics(n.get("n").asInt(), num(n, "mean"), num(n, "std"), num(n, "median"), num(n, "q16"), num(n, "q84"));
    }

    private static double num(com.fasterxml.jackson.databind.JsonNode n, String key) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(key);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }
}
