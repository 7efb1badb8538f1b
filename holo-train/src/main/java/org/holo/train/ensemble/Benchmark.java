package org.holo.train.ensemble;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.holo.core.data.LabelledData;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.MachineInfo;
import org.holo.train.config.ComponentSection;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.loop.Backend;
import org.holo.train.optim.Adam;
import org.holo.train.random.Rng;

/**
 * Optimiser steps per second of each backend on the QCD model of physics.md §6.1 (the default config: qcd input
 * layer, N layers of the chosen scheme from η = 1 to 1/15, F = π, l1-squared loss, both regularisers), with random
 * parameters near the initialisation and random boundary data in the band's box. A member-step is one member's loss
 * and gradient plus its Adam update; the batch gather of the training loop (a copy of B rows) is not timed.
 * <p>
 * A backend whose members step together ({@link EnsembleBackendProvider#lockstep()}) takes all E members in one call
 * per step, on one thread. Otherwise the E members are dealt to T threads, each with a backend of its own that steps
 * its members one after the other with no hand-off between threads, as {@code holo ensemble} trains them; the cell
 * reports the member-steps all threads together make per second.
 */
public final class Benchmark {

    /** One cell of the table. */
    public record Row(String backend, String scheme, int layers, int batch, int members, int threads,
                      double microsPerMemberStep, double cpuMicrosPerMemberStep, double flopsPerMemberStep,
                      long memberSteps) {

        /** Wall µs for every member to make one step. */
        public double microsPerStep() {
            return microsPerMemberStep * members;
        }

        public double memberStepsPerSecond() {
            return 1e6 / microsPerMemberStep;
        }

        /**
         * Achieved GFLOP/s from {@link StepFlops} over the wall time; NaN for a component without a count. On a machine
         * that other jobs share, {@code cpuMicrosPerMemberStep} (CPU time of the stepping threads) is the steadier figure.
         */
        public double gflops() {
            return flopsPerMemberStep / microsPerMemberStep * 1e-3;
        }
    }

    private final double minSeconds;
    private final String device;

    /**
     * @param minSeconds time each cell for at least this long, after a warm-up that lasts until the step time
     *                   settles (the JIT compiles the vectorised loops a second or so into a fresh JVM)
     * @param device     the djl backend's device (cpu, gpu, gpu:N, or null for a GPU when DJL sees one)
     */
    public Benchmark(double minSeconds, String device) {
        this.minSeconds = minSeconds;
        this.device = device;
    }

    /** The benchmark's config: the QCD model with {@code layers} layers of {@code scheme}. */
    public static ExperimentConfig config(String scheme, int layers) {
        ExperimentConfig c = new ExperimentConfig();
        c.name = "bench";
        c.model.grid.layers = layers;
        c.model.scheme = ComponentSection.named(scheme);
        return c;
    }

    /** The benchmark's config with euler layers. */
    public static ExperimentConfig config(int layers) {
        return config("euler", layers);
    }

    public List<Row> run(List<String> backends, List<String> schemes, int[] layerCounts, int[] batchSizes,
                         int[] memberCounts, int[] threadCounts, PrintStream log) {
        int maxBatch = 1;
        for (int b : batchSizes) {
            maxBatch = Math.max(maxBatch, b);
        }
        List<Row> rows = new ArrayList<>();
        for (String name : backends) {
            EnsembleBackendProvider provider = EnsembleBackendProvider.named(name);
            for (String scheme : schemes) {
                for (int layers : layerCounts) {
                    ExperimentConfig config = config(scheme, layers);
                    config.training.batchSize = maxBatch;
                    HolographicNetwork network = Experiment.network(config.model);
                    Objective objective = Experiment.objective(config, network);
                    for (int batch : batchSizes) {
                        for (int members : memberCounts) {
                            for (int threads : threadCounts) {
                                if (provider.lockstep() ? threads != 1 : threads > members) {
                                    continue; // a tensor backend steps its members on one thread; a thread needs a member
                                }
                                Rng rng = new Rng(Rng.mix(31L * layers + 7L * batch + members));
                                Row r = cell(provider, config, network, objective, scheme, layers, batch, members, threads,
                                        (t, size) -> Members.random(config, network.layout(), size, batch, rng));
                                rows.add(r);
                                if (log != null) {
                                    log.println(format(r));
                                    log.flush();
                                }
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The members one thread (or one lockstep backend) steps: parameters, data, gradients and optimisers. Each member
     * steps through its own cycle of mini-batches (one random batch, or batches of a run's training data).
     */
    private static final class Members {
        final double[][] params;
        final double[][] grads;
        final Batch[] batches;
        final Batch[][] cycles;
        final int[] position;
        final Objective.Value[] parts;
        final boolean[] withRegularisers;
        final Adam[] adams;
        final Single[] one;

        /** One member's arrays of length 1, for a backend call of its own. */
        private record Single(double[][] params, double[][] grads, Batch[] batches, boolean[] withRegularisers,
                              Objective.Value[] parts) {
        }

        /** Random parameters near the initialisation and one random batch in the band's box per member. */
        static Members random(ExperimentConfig config, ParameterLayout layout, int count, int batch, Rng rng) {
            double[][] params = new double[count][layout.size()];
            Batch[][] cycles = new Batch[count][];
            ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
            for (int s = 0; s < count; s++) {
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
                cycles[s] = new Batch[] {b};
            }
            return new Members(layout, params, cycles);
        }

        Members(ParameterLayout layout, double[][] params, Batch[][] cycles) {
            int count = params.length;
            this.params = params;
            this.cycles = cycles;
            grads = new double[count][layout.size()];
            batches = new Batch[count];
            position = new int[count];
            parts = new Objective.Value[count];
            withRegularisers = new boolean[count];
            java.util.Arrays.fill(withRegularisers, true);
            adams = new Adam[count];
            one = new Single[count];
            for (int s = 0; s < count; s++) {
                batches[s] = cycles[s][0];
                parts[s] = new Objective.Value();
                adams[s] = new Adam(layout.size(), layout.trainableMask(), 1e-3, 0.9, 0.999, 1e-8);
                one[s] = new Single(new double[][] {params[s]}, new double[][] {grads[s]}, new Batch[] {batches[s]},
                        new boolean[] {true}, new Objective.Value[] {parts[s]});
            }
        }

        /** One step of every member, each on its next batch: lockstep in one call, else one call per member. */
        void step(Backend backend, boolean lockstep) {
            int count = params.length;
            for (int s = 0; s < count; s++) {
                Batch[] cycle = cycles[s];
                if (cycle.length > 1) {
                    batches[s] = cycle[position[s]];
                    one[s].batches()[0] = batches[s];
                    position[s] = (position[s] + 1) % cycle.length;
                }
            }
            if (lockstep) {
                backend.lossAndGradient(count, params, batches, withRegularisers, grads, parts);
            }
            for (int s = 0; s < count; s++) {
                if (!lockstep) {
                    backend.lossAndGradient(1, one[s].params, one[s].batches, one[s].withRegularisers, one[s].grads,
                            one[s].parts);
                }
                adams[s].step(params[s], grads[s]);
            }
        }

        double meanContributing() {
            double sum = 0.0;
            for (Objective.Value v : parts) {
                sum += v.contributing;
            }
            return sum / parts.length;
        }
    }

    /**
     * The step of training near convergence: a finished run's model at its trained parameters (every member starts
     * there), on mini-batches of the run's own training data in a fixed shuffled order (member k starts k batches
     * later), for each backend, ensemble size and thread count.
     */
    public List<Row> run(List<String> backends, Experiment run, double[] trained, int[] memberCounts, int[] threadCounts,
                         PrintStream log) {
        ExperimentConfig config = run.config();
        int batch = config.training.batchSize;
        LabelledData data = run.data();
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new Rng(Rng.mix(17L)).shuffle(order);
        int count = Math.max(1, order.length / batch);
        Batch[] cycle = new Batch[count];
        for (int c = 0; c < count; c++) {
            Batch b = new Batch(batch);
            for (int k = 0; k < batch; k++) {
                int i = order[(c * batch + k) % order.length];
                b.x0[k] = data.x0(i);
                b.x1[k] = data.x1(i);
                b.y[k] = data.label(i);
            }
            b.setSize(batch);
            cycle[c] = b;
        }
        List<Row> rows = new ArrayList<>();
        for (String name : backends) {
            EnsembleBackendProvider provider = EnsembleBackendProvider.named(name);
            for (int members : memberCounts) {
                for (int threads : threadCounts) {
                    if (provider.lockstep() ? threads != 1 : threads > members) {
                        continue;
                    }
                    Row r = cell(provider, config, run.network(), run.objective(), config.model.scheme.type,
                            config.model.grid.layers, batch, members, threads, (t, size) -> {
                                double[][] params = new double[size][];
                                Batch[][] cycles = new Batch[size][];
                                for (int s = 0; s < size; s++) {
                                    params[s] = trained.clone();
                                    Batch[] shifted = new Batch[count];
                                    for (int c = 0; c < count; c++) {
                                        shifted[c] = cycle[(c + t + s * threads) % count];
                                    }
                                    cycles[s] = shifted;
                                }
                                return new Members(run.network().layout(), params, cycles);
                            });
                    rows.add(r);
                    if (log != null) {
                        log.println(format(r));
                        log.flush();
                    }
                }
            }
        }
        return rows;
    }

    /** The members of thread t, {@code size} of them. */
    private interface MemberSource {
        Members make(int thread, int size);
    }

    private Row cell(EnsembleBackendProvider provider, ExperimentConfig config, HolographicNetwork network,
                     Objective objective, String scheme, int layers, int batch, int members, int threads,
                     MemberSource source) {
        boolean lockstep = provider.lockstep();
        // member k goes to thread k mod T
        Members[] groups = new Members[threads];
        for (int t = 0; t < threads; t++) {
            groups[t] = source.make(t, members / threads + (t < members % threads ? 1 : 0));
        }
        long[] steps = new long[threads];
        long[] nanos = new long[threads];
        long[] cpuNanos = new long[threads];
        double[] contributing = new double[threads];
        RuntimeException[] failure = new RuntimeException[1];
        CountDownLatch warm = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Runnable work = () -> {
                try (Backend backend = provider.open(config, network, objective, lockstep ? device : null)) {
                    Members m = groups[id];
                    warmUp(m, backend, lockstep);
                    warm.countDown();
                    go.await();
                    java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory.getThreadMXBean();
                    long cpuStart = clock.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    long elapsed;
                    long n = 0;
                    do {
                        m.step(backend, lockstep);
                        n++;
                        elapsed = System.nanoTime() - start;
                    } while (n < 2 || elapsed < minSeconds * 1e9);
                    steps[id] = n * m.params.length;
                    nanos[id] = elapsed;
                    cpuNanos[id] = clock.getCurrentThreadCpuTime() - cpuStart;
                    contributing[id] = m.meanContributing();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure[0] = e;
                    warm.countDown();
                }
            };
            Thread th = new Thread(work, "holo-bench-" + t);
            th.start();
            running.add(th);
        }
        try {
            warm.await();
            go.countDown();
            for (Thread th : running) {
                th.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmarking", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        long memberSteps = 0;
        long longest = 0;
        long cpu = 0;
        double meanContributing = 0.0;
        for (int t = 0; t < threads; t++) {
            memberSteps += steps[t];
            longest = Math.max(longest, nanos[t]);
            cpu += cpuNanos[t];
            meanContributing += contributing[t] / threads;
        }
        double micros = longest * 1e-3 / memberSteps;
        double flops = StepFlops.perMemberStep(scheme, config.model.boundary.type, config.model.horizon.type,
                config.training.loss.type, layers, batch, meanContributing);
        return new Row(provider.name(), scheme, layers, batch, members, threads, micros, cpu * 1e-3 / memberSteps, flops,
                memberSteps);
    }

    /**
     * Steps until the time per step settles: windows of 0.1 s (at least two steps) until one is no faster than 3 %
     * below the best before it, for at least 0.3 s and at most 5 s.
     */
    private static void warmUp(Members m, Backend backend, boolean lockstep) {
        long begin = System.nanoTime();
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            long start = System.nanoTime();
            int n = 0;
            do {
                m.step(backend, lockstep);
                n++;
            } while (n < 2 || System.nanoTime() - start < 100_000_000L);
            double perStep = (double) (System.nanoTime() - start) / n;
            double total = (System.nanoTime() - begin) * 1e-9;
            boolean settled = perStep > 0.97 * best;
            best = Math.min(best, perStep);
            if (total > 5.0 || (settled && total > 0.3)) {
                return;
            }
        }
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-7s %-6s %6s %6s %7s %7s %10s %14s %13s %15s %10s %8s %9s", "backend",
                "scheme", "layers", "batch", "members", "threads", "us/step", "us/member-step", "cpu-us/m-step",
                "member-steps/s", "kflop/step", "GFLOP/s", "steps");
    }

    public static String format(Row r) {
        return String.format(Locale.ROOT, "%-7s %-6s %6d %6d %7d %7d %10.2f %14.3f %13.3f %15.0f %10.1f %8.2f %9d",
                r.backend(), r.scheme(), r.layers(), r.batch(), r.members(), r.threads(), r.microsPerStep(),
                r.microsPerMemberStep(), r.cpuMicrosPerMemberStep(), r.memberStepsPerSecond(),
                r.flopsPerMemberStep() * 1e-3, r.gflops(), r.memberSteps());
    }

    /** The machine and versions: OS, CPU model, cores, Java, and the pinned DJL and PyTorch. */
    public static List<String> machine() {
        return MachineInfo.lines();
    }
}
