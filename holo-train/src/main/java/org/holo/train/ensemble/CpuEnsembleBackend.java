package org.holo.train.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;

/**
 * The plain-Java exact adjoint of holo-core ({@link Objective#evaluate}) for every member, the members split
 * into contiguous chunks over a fixed pool of threads (the calling thread takes the first chunk). Each chunk
 * has its own workspace; a member's numbers do not depend on the chunking, so the results are bit-identical
 * to a single-member run with {@link org.holo.train.loop.CpuBackend}.
 */
public final class CpuEnsembleBackend implements EnsembleBackend {

    private final Objective objective;
    private final int maxBatch;
    private final int threads;
    private final ExecutorService pool;
    private final HolographicNetwork.Workspace[] workspaces;

    /** @param threads how many threads share the members (≥ 1); typically the number of cores */
    public CpuEnsembleBackend(Objective objective, int maxBatch, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.objective = objective;
        this.maxBatch = maxBatch;
        this.threads = threads;
        this.workspaces = new HolographicNetwork.Workspace[threads];
        if (threads > 1) {
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "holo-cpu-backend-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.pool = null;
        }
    }

    /** One thread per available processor. */
    public CpuEnsembleBackend(Objective objective, int maxBatch) {
        this(objective, maxBatch, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public String dtype() {
        return "float64";
    }

    @Override
    public Map<String, String> versions() {
        return Map.of();
    }

    @Override
    public String describe() {
        return "cpu backend: plain-Java adjoint, dtype float64, " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    public int threads() {
        return threads;
    }

    @Override
    public void evaluate(int count, double[][] params, Batch[] batches, double[][] grads, double[] losses,
                         Objective.Value[] parts) {
        int chunks = Math.min(threads, count);
        if (chunks <= 1) {
            run(0, 0, count, params, batches, grads, losses, parts);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            int slot = c;
            futures.add(pool.submit(() -> run(slot, from, to, params, batches, grads, losses, parts)));
        }
        RuntimeException failure = null;
        try {
            run(0, 0, (int) ((long) count / chunks), params, batches, grads, losses, parts);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating ensemble members", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run(int slot, int from, int to, double[][] params, Batch[] batches, double[][] grads,
                     double[] losses, Objective.Value[] parts) {
        HolographicNetwork.Workspace ws = workspaces[slot];
        if (ws == null) {
            ws = objective.newWorkspace(maxBatch);
            workspaces[slot] = ws;
        }
        for (int s = from; s < to; s++) {
            losses[s] = objective.evaluate(params[s], batches[s], grads[s], ws, parts[s]);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
