package org.holo.train.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.config.TrainingConfig;
import org.holo.train.loop.Backend;
import org.holo.train.loop.DivergenceGuard;
import org.holo.train.loop.MetricsLog;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.Trainer;
import org.holo.train.loop.TrainingState;
import org.holo.train.optim.Adam;
import org.holo.train.random.Rng;
import org.holo.train.random.SeedStreams;
import org.holo.train.run.TrainingRun;

/**
 * Trains E ensemble members in lockstep: every step gathers each member's next mini-batch from its own shuffled
 * order, calls the {@link EnsembleBackend} once for all members, then runs each member's own Adam. Each member
 * follows exactly the loop of {@link Trainer}, with the listeners of a single run ({@link DivergenceGuard},
 * {@link MetricsLog}) called on a real {@link TrainingState}: the same data, init and shuffle streams of its seed,
 * the same order of floating-point operations, the same metrics.jsonl lines and divergence messages. With the cpu
 * backend, member s is therefore bit-identical to {@code holo train CONFIG --seed s}, restarts (training.restart)
 * and learning-rate decay included: a member that restarts runs on for a full new attempt while the others finish.
 * A member whose loss, gradient or parameters go non-finite is frozen (its parameters kept as a single run keeps
 * them) and reported; the others go on. A regularisation warm-up is refused: the members share one objective.
 */
public final class EnsembleTrainer {

    /** Called at the end of every epoch (progress). */
    public interface Listener {
        void onEpochEnd(int epoch, int epochs, List<Member> members, double seconds);
    }

    /**
     * One member: its experiment, optimiser and shuffle stream, and a {@link TrainingState} with the listeners of
     * a single run ({@link DivergenceGuard}, {@link MetricsLog}) that the lockstep loop drives exactly as
     * {@link Trainer} drives them. The state comes from a zero-epoch {@link Trainer#fit}, which only initialises
     * it (nothing is drawn from the shuffle stream, no listener is called).
     */
    public static final class Member {
        private final Experiment experiment;
        private final TrainingState state;
        private final DivergenceGuard guard = new DivergenceGuard();
        private final MetricsLog log = new MetricsLog();
        private final List<TrainingListener> epochListeners = new ArrayList<>();
        private boolean finished;
        private final Adam adam;
        private final Rng shuffle;
        private final int[] order;
        private final Batch batch;
        private final Objective.Value parts = new Objective.Value();
        private double sumLoss;
        private double sumDataLoss;
        private double sumRegularisation;
        private double seconds;

        Member(Experiment experiment) {
            TrainingConfig t = experiment.config().training;
            this.experiment = experiment;
            ParameterLayout layout = experiment.network().layout();
            this.adam = new Adam(layout.size(), layout.trainableMask(), t.learningRate, t.beta1, t.beta2, t.adamEpsilon);
            this.shuffle = experiment.seeds().stream(SeedStreams.SHUFFLE);
            this.state = new Trainer(0, t.batchSize).fit(UNUSED, adam, layout, experiment.initialParams(),
                    experiment.data(), shuffle, List.of());
            int n = experiment.data().size();
            this.order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            this.batch = new Batch(t.batchSize);
            requireSupported(t);
            epochListeners.add(log);
            epochListeners.addAll(TrainingRun.attemptListeners(experiment, adam));
            epochListeners.forEach(l -> l.onTrainingBegin(state));
        }

        /** Still training: neither stopped (diverged) nor past the last epoch of its last attempt. */
        boolean running() {
            return !finished && !state.stopped();
        }

        /** The last epoch of the member's current attempt of {@code epochs} epochs. */
        int lastEpoch(int epochs) {
            return state.attemptStart - 1 + epochs;
        }

        public Experiment experiment() {
            return experiment;
        }

        public long seed() {
            return experiment.config().training.seed;
        }

        /** The live training state: parameters (final once training is over), last gradient, counters. */
        public TrainingState state() {
            return state;
        }

        public double[] params() {
            return state.params;
        }

        public long steps() {
            return state.step;
        }

        /** Epochs completed (a member stopped during an epoch has not completed it), as TrainingRun counts them. */
        public int epochsDone() {
            return state.stopped() ? state.epoch - 1 : state.epoch;
        }

        public double epochLoss() {
            return state.epochLoss;
        }

        public double epochDataLoss() {
            return state.epochDataLoss;
        }

        public double epochRegularisation() {
            return state.epochRegularisation;
        }

        /** Why the member stopped early (divergence), or null. */
        public String stopReason() {
            return state.stopReason();
        }

        public boolean stopped() {
            return state.stopped();
        }

        public boolean diverged() {
            return guard.diverged();
        }

        /** Wall time from the start of the ensemble until this member stopped or the ensemble ended. */
        public double seconds() {
            return seconds;
        }

        /** metrics.jsonl. */
        public String metricsLog() {
            return log.text();
        }
    }

    /** Refuses a training section the lockstep loop cannot follow exactly. */
    public static void requireSupported(TrainingConfig t) {
        if (t.regularisationWarmup > 0) {
            throw new IllegalArgumentException("training.regularisationWarmup: ensembles do not support a regularisation"
                    + " warm-up (their members share one objective); train the seeds one by one with holo train");
        }
    }

    /** The zero-epoch fit that initialises a member's state never calls its backend. */
    private static final Backend UNUSED = new Backend() {
        @Override
        public String name() {
            return "ensemble";
        }

        @Override
        public double lossAndGradient(double[] params, Batch batch, double[] grad, Objective.Value parts) {
            throw new IllegalStateException("ensemble members are evaluated by the ensemble backend");
        }
    };

    private final int epochs;
    private final int batchSize;

    public EnsembleTrainer(int epochs, int batchSize) {
        if (epochs < 0 || batchSize < 1) {
            throw new IllegalArgumentException("epochs must be >= 0 and the batch size >= 1, got " + epochs + ", " + batchSize);
        }
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    /** The trainer of a config's training section. */
    public static EnsembleTrainer of(TrainingConfig t) {
        return new EnsembleTrainer(t.epochs, t.batchSize);
    }

    /** The members of a list of experiments (same model and data size, different seeds), ready to train. */
    public static List<Member> members(List<Experiment> experiments) {
        List<Member> members = new ArrayList<>(experiments.size());
        for (Experiment e : experiments) {
            members.add(new Member(e));
        }
        return members;
    }

    /** Trains all members to the end of the schedule (or until each has stopped). */
    public void fit(List<Member> members, EnsembleBackend backend, Listener listener) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        int n = members.get(0).order.length;
        int paramCount = members.get(0).params().length;
        for (Member m : members) {
            if (m.order.length != n) {
                throw new IllegalArgumentException("ensemble members must have the same number of training points, got "
                        + n + " and " + m.order.length + " (seed " + m.seed() + ")");
            }
            if (m.params().length != paramCount || m.batch.capacity() != batchSize) {
                throw new IllegalArgumentException("ensemble members must share the model and the batch size");
            }
        }
        int stepsPerEpoch = (n + batchSize - 1) / batchSize;
        int total = members.size();
        Member[] active = new Member[total];
        double[][] params = new double[total][];
        double[][] grads = new double[total][];
        Batch[] batches = new Batch[total];
        Objective.Value[] parts = new Objective.Value[total];
        double[] losses = new double[total];
        long start = System.nanoTime();
        for (Member m : members) {
            m.state.startNanos = start;
        }
        int live = total;
        for (int epoch = 1; live > 0; epoch++) {
            for (Member m : members) {
                if (m.running() && epoch > m.lastEpoch(epochs)) {
                    m.finished = true;
                    m.seconds = (System.nanoTime() - start) * 1e-9;
                    live--;
                }
            }
            if (live == 0) {
                break;
            }
            for (Member m : members) {
                if (m.running()) {
                    m.state.epoch = epoch;
                    m.shuffle.shuffle(m.order);
                    m.sumLoss = 0.0;
                    m.sumDataLoss = 0.0;
                    m.sumRegularisation = 0.0;
                }
            }
            for (int from = 0; from < n && live > 0; from += batchSize) {
                int size = Math.min(batchSize, n - from);
                int count = 0;
                for (Member m : members) {
                    if (!m.running()) {
                        continue;
                    }
                    LabelledData data = m.experiment.data();
                    Batch batch = m.batch;
                    for (int k = 0; k < size; k++) {
                        int i = m.order[from + k];
                        batch.x0[k] = data.x0(i);
                        batch.x1[k] = data.x1(i);
                        batch.y[k] = data.label(i);
                    }
                    batch.setSize(size);
                    active[count] = m;
                    params[count] = m.state.params;
                    grads[count] = m.state.grad;
                    batches[count] = batch;
                    parts[count] = m.parts;
                    count++;
                }
                backend.evaluate(count, params, batches, grads, losses, parts);
                for (int k = 0; k < count; k++) {
                    Member m = active[k];
                    TrainingState s = m.state;
                    s.loss = losses[k];
                    s.dataLoss = m.parts.data;
                    s.regularisation = m.parts.regularisation;
                    m.guard.onStep(s);
                    if (s.stopped()) {
                        m.seconds = s.seconds();
                        live--;
                        continue;
                    }
                    m.adam.step(s.params, s.grad);
                    s.step++;
                    m.sumLoss += s.loss;
                    m.sumDataLoss += s.dataLoss;
                    m.sumRegularisation += s.regularisation;
                    m.guard.onStepEnd(s);
                    if (s.stopped()) {
                        m.seconds = s.seconds();
                        live--;
                    }
                }
            }
            int last = epochs;
            for (Member m : members) {
                if (m.running()) {
                    TrainingState s = m.state;
                    s.epochLoss = m.sumLoss / stepsPerEpoch;
                    s.epochDataLoss = m.sumDataLoss / stepsPerEpoch;
                    s.epochRegularisation = m.sumRegularisation / stepsPerEpoch;
                    for (TrainingListener l : m.epochListeners) {
                        l.onEpochEnd(s);
                    }
                    last = Math.max(last, m.lastEpoch(epochs));
                }
            }
            if (listener != null) {
                listener.onEpochEnd(epoch, last, members, (System.nanoTime() - start) * 1e-9);
            }
        }
    }
}
