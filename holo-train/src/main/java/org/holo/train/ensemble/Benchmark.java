package org.holo.train.ensemble;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.MachineInfo;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.loop.Backend;
import org.holo.train.loop.CpuBackend;
import org.holo.train.optim.Adam;
import org.holo.train.random.Rng;

/**
 * Microseconds per optimiser step of each backend: one lockstep step of E members, i.e. one backend call (loss and
 * gradient of every member) plus every member's Adam update, on the QCD model of physics.md §6.1 (the default
 * config: qcd input layer, euler layers from η = 1 to 1/15, F = π, l1-squared loss, both regularisers) with N
 * layers, random parameters near the initialisation and random boundary data in the band's box. The batch gather
 * of the training loop (a copy of B rows per member) is not timed.
 */
public final class Benchmark {

    /** One cell of the table. */
    public record Row(String backend, int layers, int batch, int members, double microsPerStep, int steps) {

        /** µs per member per step. */
        public double microsPerMemberStep() {
            return microsPerStep / members;
        }
    }

    private final double minSeconds;
    private final String device;

    /**
     * @param minSeconds time each cell for at least this long (and at least two steps, after one warm-up step)
     * @param device     the djl backend's device (cpu, gpu, gpu:N, or null for a GPU when DJL sees one)
     */
    public Benchmark(double minSeconds, String device) {
        this.minSeconds = minSeconds;
        this.device = device;
    }

    /** The benchmark's config: the QCD model with {@code layers} layers. */
    public static ExperimentConfig config(int layers) {
        ExperimentConfig c = new ExperimentConfig();
        c.name = "bench";
        c.model.grid.layers = layers;
        return c;
    }

    public List<Row> run(List<String> backends, int[] layerCounts, int[] batchSizes, int[] memberCounts, PrintStream log) {
        int maxBatch = 1;
        int maxMembers = 1;
        for (int b : batchSizes) {
            maxBatch = Math.max(maxBatch, b);
        }
        for (int e : memberCounts) {
            maxMembers = Math.max(maxMembers, e);
        }
        List<Row> rows = new ArrayList<>();
        for (String name : backends) {
            for (int layers : layerCounts) {
                ExperimentConfig config = config(layers);
                config.training.batchSize = maxBatch;
                HolographicNetwork network = Experiment.network(config.model);
                Objective objective = Experiment.objective(config, network);
                EnsembleBackendProvider provider = EnsembleBackendProvider.named(name);
                try (Backend backend = provider.open(config, network, objective,
                        CpuBackend.NAME.equals(provider.name()) ? null : device)) {
                    for (int batch : batchSizes) {
                        for (int members : memberCounts) {
                            Row r = cell(backend, config, network, layers, batch, members);
                            rows.add(r);
                            if (log != null) {
                                log.println(format(r));
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    private Row cell(Backend backend, ExperimentConfig config, HolographicNetwork network, int layers, int batch,
                     int members) {
        ParameterLayout layout = network.layout();
        int p = layout.size();
        Rng rng = new Rng(Rng.mix(31L * layers + 7L * batch + members));
        double[][] params = new double[members][p];
        double[][] grads = new double[members][p];
        Batch[] batches = new Batch[members];
        Objective.Value[] parts = new Objective.Value[members];
        boolean[] withRegularisers = new boolean[members];
        java.util.Arrays.fill(withRegularisers, true);
        Adam[] adams = new Adam[members];
        ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
        for (int s = 0; s < members; s++) {
            for (int i = 0; i < h.size(); i++) {
                params[s][h.offset() + i] = rng.gaussian(config.model.metricInit.mean, config.model.metricInit.std);
            }
            params[s][layout.offsetOf(ParameterLayout.RADIUS)] = rng.uniform(0.8, 4.0);
            params[s][layout.offsetOf(ParameterLayout.LAMBDA)] = rng.uniform(0.0, 0.2);
            Batch b = new Batch(batch);
            for (int k = 0; k < batch; k++) {
                b.x0[k] = rng.uniform(0.0, 0.022);
                b.x1[k] = rng.uniform(0.0, 0.11);
                b.y[k] = rng.nextInt(2);
            }
            b.setSize(batch);
            batches[s] = b;
            parts[s] = new Objective.Value();
            adams[s] = new Adam(p, layout.trainableMask(), 1e-3, 0.9, 0.999, 1e-8);
        }
        // warm-up (JIT, DJL's first calls, allocator): two steps and at least a fifth of the timed budget
        long warm = System.nanoTime();
        for (int w = 0; w < 2 || System.nanoTime() - warm < 0.2 * minSeconds * 1e9; w++) {
            step(backend, members, params, batches, withRegularisers, grads, parts, adams);
        }
        int steps = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            step(backend, members, params, batches, withRegularisers, grads, parts, adams);
            steps++;
            elapsed = System.nanoTime() - start;
        } while (steps < 2 || elapsed < minSeconds * 1e9);
        return new Row(backend.name(), layers, batch, members, elapsed * 1e-3 / steps, steps);
    }

    private static void step(Backend backend, int members, double[][] params, Batch[] batches,
                             boolean[] withRegularisers, double[][] grads, Objective.Value[] parts, Adam[] adams) {
        backend.lossAndGradient(members, params, batches, withRegularisers, grads, parts);
        for (int s = 0; s < members; s++) {
            adams[s].step(params[s], grads[s]);
        }
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-7s %6s %6s %7s %12s %16s %6s", "backend", "layers", "batch", "members",
                "us/step", "us/member-step", "steps");
    }

    public static String format(Row r) {
        return String.format(Locale.ROOT, "%-7s %6d %6d %7d %12.1f %16.2f %6d", r.backend(), r.layers(), r.batch(),
                r.members(), r.microsPerStep(), r.microsPerMemberStep(), r.steps());
    }

    /** The machine and versions: OS, CPU model, cores, Java, and the pinned DJL and PyTorch. */
    public static List<String> machine() {
        return MachineInfo.lines();
    }
}
