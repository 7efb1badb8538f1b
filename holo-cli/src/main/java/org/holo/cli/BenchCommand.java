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
        description = {"Time the cpu and djl backends: microseconds per optimiser step.",
            "One step = loss + gradient of E members in one backend call, then each member's",
            "Adam, on the QCD model with random parameters and data, over batch sizes, layer",
            "counts and ensemble sizes. Prints a table with the machine and versions."},
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

    @Option(names = "--device", paramLabel = "DEVICE", description = "The djl backend's device: cpu, gpu or gpu:N (default: a GPU if DJL sees one, else the CPU).")
    String device;

    @Option(names = "--quick", description = "Time each cell for 0.05 s instead of 0.5 s (a smoke test; noisier figures).")
    boolean quick;

    @Option(names = "--data", paramLabel = "ROWS", description = "Time reading training data instead: CSV and .npy files of"
            + " ROWS random rows (both boundary types); rows per second and bytes per row.")
    Integer dataRows;

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
        for (int[] values : List.of(batches, layers, members)) {
            for (int v : values) {
                if (v < 1 || v > 1_000_000) {
                    throw new IllegalArgumentException("batch sizes, layer counts and ensemble sizes must lie in 1..1000000, got " + v);
                }
            }
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
        lines.add(String.format(Locale.ROOT, "one step = loss + gradient of every member (one backend call) + each member's Adam;"
                + " QCD model (qcd input, euler layers, F = pi, l1-squared), float64; batch sizes %s, layers %s, members %s",
                Arrays.toString(batches), Arrays.toString(layers), Arrays.toString(members)));
        for (String l : lines) {
            System.out.println("# " + l);
        }
        System.out.println(Benchmark.header());
        System.out.flush();
        long start = System.nanoTime();
        new Benchmark(quick ? 0.05 : 0.5, device).run(backends, layers, batches, members, System.out);
        System.out.printf(Locale.ROOT, "# %.1f s%n", (System.nanoTime() - start) * 1e-9);
        return ExitCodes.OK;
    }
}
