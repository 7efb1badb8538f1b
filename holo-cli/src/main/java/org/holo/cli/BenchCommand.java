package org.holo.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.core.component.Registry;
import org.holo.train.Experiment;
import org.holo.train.backend.DjlBackendProvider;
import org.holo.train.data.DataBenchmark;
import org.holo.train.ensemble.Benchmark;
import org.holo.train.ensemble.EnsembleBackendProvider;
import org.holo.train.loop.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the cpu and djl backends: microseconds per optimiser step, achieved GFLOP/s",
            "and member-steps per second.",
            "A member-step = one member's loss + gradient and its Adam update, on the QCD model with",
            "random parameters and data, over layer schemes, layer counts, batch sizes, ensemble",
            "sizes and (cpu) thread counts: E members dealt to T threads that step them with no",
            "hand-off, as holo ensemble does; djl steps all E in one call. Prints a table with the",
            "machine, versions and the flop count (docs/performance.md)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:bad usage or device"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--backends", split = ",", paramLabel = "NAMES", defaultValue = "cpu,djl", description = "Backends to time (default cpu,djl).")
    List<String> backends;

    @Option(names = "--batches", split = ",", paramLabel = "B", defaultValue = "1,100,1000,10000", description = "Batch sizes (default 1,100,1000,10000).")
    int[] batches;

    @Option(names = "--layers", split = ",", paramLabel = "N", defaultValue = "15,40", description = "Layer counts (default 15,40).")
    int[] layers;

    @Option(names = "--members", split = ",", paramLabel = "E", defaultValue = "1,64", description = "Ensemble sizes (default 1,64).")
    int[] members;

    @Option(names = "--schemes", split = ",", paramLabel = "NAMES", defaultValue = "euler", description = "Layer schemes (default euler).")
    List<String> schemes;

    @Option(names = "--threads", split = ",", paramLabel = "T", description = "Thread counts for backends whose members train alone (cpu; default 1 and the available processors).")
    int[] threads;

    @Option(names = "--seconds", paramLabel = "S", description = "Time each cell for at least S seconds after its warm-up (default 0.5).")
    Double seconds;

    @Option(names = "--run", paramLabel = "RUN_DIR", description = "Time the step of a finished run instead: its model at"
            + " its trained parameters on batches of its own training data (--schemes, --layers, --batches do not apply).")
    java.nio.file.Path run;

    @Option(names = "--device", paramLabel = "DEVICE", description = "The djl backend's device: cpu, gpu or gpu:N (default: a GPU if DJL sees one, else the CPU).")
    String device;

    @Option(names = "--quick", description = "Time each cell for 0.05 s instead of 0.5 s (a smoke test; noisier figures; the warm-up is not shortened).")
    boolean quick;

    @Option(names = "--data", paramLabel = "ROWS", description = "Time reading training data instead: CSV and .npy files of"
            + " ROWS random rows (both boundary types); rows per second and bytes per row.")
    Integer dataRows;

    /** {@code --run}: the model, parameters and data of a finished run. */
    private int trained(int cores, double cellSeconds) throws java.io.IOException {
        org.holo.train.run.FinishedRun finished = org.holo.train.run.FinishedRun.read(run);
        Experiment experiment = Experiment.build(finished.config(), run.toAbsolutePath());
        List<String> lines = new ArrayList<>(Benchmark.machine());
        var m = finished.config().model;
        lines.add(String.format(Locale.ROOT, "member-step = one member's loss + gradient + its Adam; %s: its model (%s input,"
                + " %d %s layers, F = %s, %s) at its trained parameters on batches of %d of its %d training points;"
                + " members %s, threads %s (cpu; %d available); %.2f s per cell after a warm-up", run, m.boundary.type,
                m.grid.layers, m.scheme.type, m.horizon.type, finished.config().training.loss.type,
                finished.config().training.batchSize, experiment.data().size(), Arrays.toString(members),
                Arrays.toString(threads), cores, cellSeconds));
        for (String l : lines) {
            System.out.println("# " + l);
        }
        System.out.println(Benchmark.header());
        System.out.flush();
        long start = System.nanoTime();
        new Benchmark(cellSeconds, device).run(backends, experiment, finished.params(), members, threads, System.out);
        System.out.printf(Locale.ROOT, "# %.1f s%n", (System.nanoTime() - start) * 1e-9);
        return ExitCodes.OK;
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (dataRows != null) {
            DataBenchmark.run(dataRows, quick ? 1 : 3, System.out);
            return ExitCodes.OK;
        }
        Registry<EnsembleBackendProvider> registry = Registry.of(EnsembleBackendProvider.KIND);
        for (String b : backends) {
            if (!registry.has(b)) {
                throw new IllegalArgumentException("--backends " + b + ": " + registry.unknown(b));
            }
        }
        Registry<org.holo.core.layer.LayerSchemeProvider> schemeRegistry = Registry.of(org.holo.core.layer.LayerSchemeProvider.KIND);
        for (String s : schemes) {
            if (!schemeRegistry.has(s)) {
                throw new IllegalArgumentException("--schemes " + s + ": " + schemeRegistry.unknown(s));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads == null) {
            threads = cores == 1 ? new int[] {1} : new int[] {1, cores};
        }
        for (int t : threads) {
            if (t < 1 || t > 4096) {
                throw new IllegalArgumentException("--threads: thread counts must lie in 1..4096, got " + t);
            }
        }
        double cellSeconds = seconds != null ? seconds : quick ? 0.05 : 0.5;
        if (!(cellSeconds > 0 && cellSeconds <= 3600)) {
            throw new IllegalArgumentException("--seconds: must lie in (0, 3600], got " + cellSeconds);
        }
        for (int[] values : List.of(batches, layers, members)) {
            for (int v : values) {
                if (v < 1 || v > 1_000_000) {
                    throw new IllegalArgumentException("batch sizes, layer counts and ensemble sizes must lie in 1..1000000, got " + v);
                }
            }
        }
        if (run != null) {
            return trained(cores, cellSeconds);
        }
        List<String> lines = new ArrayList<>(Benchmark.machine());
        if (backends.contains(DjlBackendProvider.NAME)) {
            // opens DJL once to report what it runs on (device, versions), and fails early on a missing GPU
            var cfg = Benchmark.config(layers[0]);
            var net = Experiment.network(cfg.model);
            try (Backend djl = registry.get(DjlBackendProvider.NAME).open(cfg, net, Experiment.objective(cfg, net), device)) {
                lines.add(djl.describe());
            }
        }
        lines.add(String.format(Locale.ROOT, "member-step = one member's loss + gradient + its Adam; us/step = every member"
                + " one step; QCD model (qcd input, F = pi, l1-squared), float64; schemes %s, layers %s, batch sizes %s,"
                + " members %s, threads %s (cpu; %d available); %.2f s per cell after a warm-up", schemes,
                Arrays.toString(layers), Arrays.toString(batches), Arrays.toString(members), Arrays.toString(threads),
                cores, cellSeconds));
        lines.add("flops per member-step (StepFlops, docs/performance.md): per sample, qcd input 29, euler 11 per layer,"
                + " rk4 56 per layer, bump 30 (exp = 1 flop), loss 4; per sample in the reverse pass, euler 17 per layer,"
                + " rk4 117 per layer, qcd input 48, seed 7; Adam and regularisers not counted");
        for (String l : lines) {
            System.out.println("# " + l);
        }
        System.out.println(Benchmark.header());
        System.out.flush();
        long start = System.nanoTime();
        new Benchmark(cellSeconds, device).run(backends, schemes, layers, batches, members, threads, System.out);
        System.out.printf(Locale.ROOT, "# %.1f s%n", (System.nanoTime() - start) * 1e-9);
        return ExitCodes.OK;
    }
}
