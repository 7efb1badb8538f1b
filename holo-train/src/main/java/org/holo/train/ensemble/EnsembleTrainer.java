package org.holo.train.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.holo.train.Experiment;
import org.holo.train.config.TrainingConfig;
import org.holo.train.loop.Backend;
import org.holo.train.loop.Trainer;
import org.holo.train.loop.TrainingState;
import org.holo.train.run.TrainingRun;

/**
 * Trains the members of an ensemble, each as the single run of its seed ({@link TrainingRun.Session}: the same
 * data, init and shuffle streams, listeners and loop), so member s is bit-identical to
 * {@code holo train CONFIG --seed s}, restarts, schedule and warm-up included. On a backend that steps members
 * together ({@link EnsembleBackendProvider#lockstep()}), one {@link Trainer} drives all members through one
 * backend call per step. Otherwise whole members run on a pool of threads, each with a backend of its own and
 * no hand-off between steps: on a few cores a per-step barrier between threads costs more than the step.
 */
public final class EnsembleTrainer {

    private final EnsembleBackendProvider provider;
    private final String device;
    private final int threads;

    /**
     * @param device  the backend's device, or null for its default
     * @param threads how many members train at once when members train alone (≥ 1), typically the cores
     */
    public EnsembleTrainer(EnsembleBackendProvider provider, String device, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.provider = provider;
        this.device = device;
        this.threads = threads;
    }

    /** One thread per available processor. */
    public EnsembleTrainer(EnsembleBackendProvider provider, String device) {
        this(provider, device, Runtime.getRuntime().availableProcessors());
    }

    /** How many threads train members at once: 1 in lockstep, else up to {@code threads}, never more than members. */
    public int threads(int members) {
        return provider.lockstep() ? 1 : Math.max(1, Math.min(threads, members));
    }

    /**
     * Trains every member to the end of its schedule (or until it stops).
     *
     * @param backend  open on the first member's model: the one backend of a lockstep ensemble (unused otherwise)
     * @param progress per-member progress, or null
     * @return the members' outcomes, in order
     */
    public List<TrainingRun.Outcome> train(List<Experiment> members, Backend backend, EnsembleProgress progress) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        return provider.lockstep() ? lockstep(members, backend, progress) : alone(members, progress);
    }

    private List<TrainingRun.Outcome> lockstep(List<Experiment> members, Backend backend, EnsembleProgress progress) {
        TrainingConfig first = members.get(0).config().training;
        int n = members.get(0).data().size();
        List<TrainingRun.Session> sessions = new ArrayList<>(members.size());
        List<Trainer.Member> loopMembers = new ArrayList<>(members.size());
        for (Experiment e : members) {
            TrainingConfig t = e.config().training;
            if (e.data().size() != n) {
                throw new IllegalArgumentException("members stepping together must have the same number of training"
                        + " points, got " + n + " and " + e.data().size() + " (seed " + t.seed + ")");
            }
            if (t.epochs != first.epochs || t.batchSize != first.batchSize) {
                throw new IllegalArgumentException("members stepping together must share training.epochs and"
                        + " training.batchSize (seed " + t.seed + ")");
            }
            TrainingRun.Session s = TrainingRun.session(e, progress == null ? null : progress.member());
            sessions.add(s);
            loopMembers.add(s.member());
        }
        List<TrainingState> states = TrainingRun.trainer(first).fit(backend, loopMembers);
        List<TrainingRun.Outcome> outcomes = new ArrayList<>(members.size());
        for (int k = 0; k < sessions.size(); k++) {
            outcomes.add(sessions.get(k).outcome(states.get(k), backend.name()));
        }
        return outcomes;
    }

    private List<TrainingRun.Outcome> alone(List<Experiment> members, EnsembleProgress progress) {
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads(members.size()), r -> {
            Thread t = new Thread(r, "holo-member-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrainingRun.Outcome>> futures = new ArrayList<>(members.size());
            for (Experiment e : members) {
                var listener = progress == null ? null : progress.member();
                futures.add(pool.submit(() -> {
                    try (Backend b = provider.open(e, device)) {
                        return TrainingRun.train(e, b, listener);
                    }
                }));
            }
            List<TrainingRun.Outcome> outcomes = new ArrayList<>(members.size());
            for (Future<TrainingRun.Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training ensemble members", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
