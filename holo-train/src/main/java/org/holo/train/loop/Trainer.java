package org.holo.train.loop;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.optim.Optimizer;
import org.holo.train.random.Rng;

/**
 * The training loop: shuffle, mini-batch, loss and gradient from the backend, optimiser step. Everything else
 * hangs off it as a {@link TrainingListener}. It trains a set of members together, each with its own state,
 * data, shuffle stream, optimiser and listeners, one backend call per step for all of them (a tensor backend's
 * ensemble axis); a single run is the set of one. A member's numbers never depend on the others.
 */
public final class Trainer {

    private final int epochs;
    private final int batchSize;

    public Trainer(int epochs, int batchSize) {
        if (epochs < 0 || batchSize < 1) {
            throw new IllegalArgumentException("epochs must be >= 0 and the batch size >= 1, got " + epochs + ", " + batchSize);
        }
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    /**
     * One member: its optimiser, parameters (trained in place), data, shuffle stream and listeners, and the
     * position to continue from (params, optimiser and rng included), or null to start.
     */
    public record Member(Optimizer optimizer, ParameterLayout layout, double[] params, LabelledData data, Rng shuffle,
                         List<TrainingListener> listeners, LoopPosition resume) {
    }

    public TrainingState fit(Backend backend, Optimizer optimizer, ParameterLayout layout, double[] params,
                             LabelledData data, Rng shuffle, List<TrainingListener> listeners) {
        return fit(backend, optimizer, layout, params, data, shuffle, listeners, null);
    }

    /** Trains, or with {@code resume} continues a training from that position (params, optimiser and rng included). */
    public TrainingState fit(Backend backend, Optimizer optimizer, ParameterLayout layout, double[] params,
                             LabelledData data, Rng shuffle, List<TrainingListener> listeners, LoopPosition resume) {
        return fit(backend, List.of(new Member(optimizer, layout, params, data, shuffle, listeners, resume))).get(0);
    }

    /**
     * Trains every member to the end of its schedule, or until it stops; the others go on. Each step gathers
     * every running member's next mini-batch, evaluates them all in one backend call, then runs each member's
     * listeners and optimiser. Members whose data have the same size stay in step (same batch sizes per call).
     *
     * @return the members' final states, in order
     */
    public List<TrainingState> fit(Backend backend, List<Member> members) {
        int count = members.size();
        Cursor[] cursors = new Cursor[count];
        for (int k = 0; k < count; k++) {
            cursors[k] = new Cursor(members.get(k));
        }
        long start = System.nanoTime();
        for (Cursor c : cursors) {
            c.s.startNanos = start;
            c.listeners.forEach(l -> l.onTrainingBegin(c.s));
        }
        Cursor[] active = new Cursor[count];
        double[][] params = new double[count][];
        double[][] grads = new double[count][];
        Batch[] batches = new Batch[count];
        boolean[] withRegularisers = new boolean[count];
        Objective.Value[] parts = new Objective.Value[count];
        while (true) {
            int n = 0;
            for (Cursor c : cursors) {
                if (c.running && !c.next()) {
                    c.end();
                }
                if (c.running) {
                    active[n] = c;
                    params[n] = c.s.params;
                    grads[n] = c.s.grad;
                    batches[n] = c.batch;
                    withRegularisers[n] = c.s.regularisersOn;
                    parts[n] = c.parts;
                    n++;
                }
            }
            if (n == 0) {
                break;
            }
            backend.lossAndGradient(n, params, batches, withRegularisers, grads, parts);
            for (int k = 0; k < n; k++) {
                if (!active[k].step()) {
                    active[k].end();
                }
            }
        }
        List<TrainingState> states = new ArrayList<>(count);
        for (Cursor c : cursors) {
            states.add(c.s);
        }
        return states;
    }

    /** One member's side of the loop: its epochs, shuffles, mini-batches and partial sums. */
    private final class Cursor {
        final TrainingState s;
        final LabelledData data;
        final List<TrainingListener> listeners;
        final Batch batch = new Batch(batchSize);
        final Objective.Value parts = new Objective.Value();
        final int n;
        boolean running = true;

        Cursor(Member m) {
            this.data = m.data();
            this.listeners = m.listeners();
            this.n = data.size();
            if (n == 0) {
                throw new IllegalArgumentException("no training data: a member needs at least one data point");
            }
            int stepsPerEpoch = (n + batchSize - 1) / batchSize;
            this.s = new TrainingState(m.layout(), m.params(), epochs, stepsPerEpoch, m.optimizer(), m.shuffle());
            s.order = new int[n];
            for (int i = 0; i < n; i++) {
                s.order[i] = i;
            }
            if (m.resume() != null) {
                s.restore(m.resume());
            }
        }

        /** Gathers the member's next mini-batch, shuffling at the start of an epoch; false when training is over. */
        boolean next() {
            if (s.position >= n && !endEpoch()) {
                return false; // resumed from a checkpoint written after an epoch's last step, before its end
            }
            if (s.position == 0) {
                if (s.resumeEpoch > s.lastEpoch()) {
                    return false;
                }
                s.epoch = s.resumeEpoch;
                s.shuffle.shuffle(s.order);
                s.sumLoss = 0.0;
                s.sumDataLoss = 0.0;
                s.sumRegularisation = 0.0;
            }
            int start = s.position;
            int size = Math.min(batchSize, n - start);
            for (int k = 0; k < size; k++) {
                int i = s.order[start + k];
                batch.x0[k] = data.x0(i);
                batch.x1[k] = data.x1(i);
                batch.y[k] = data.label(i);
            }
            batch.setSize(size);
            return true;
        }

        /** The rest of the step once the backend has filled loss and gradient; false when the member stopped. */
        boolean step() {
            s.loss = parts.total;
            s.dataLoss = parts.data;
            s.regularisation = parts.regularisation;
            for (TrainingListener l : listeners) {
                l.onStep(s);
            }
            if (s.stopped()) {
                return false;
            }
            s.optimizer.step(s.params, s.grad);
            s.step++;
            s.sumLoss += s.loss;
            s.sumDataLoss += s.dataLoss;
            s.sumRegularisation += s.regularisation;
            s.position += batch.size();
            for (TrainingListener l : listeners) {
                l.onStepEnd(s);
            }
            if (s.stopped()) {
                return false;
            }
            return s.position < n || endEpoch();
        }

        /** The epoch's mean losses, then its listeners; false when the member stopped. */
        boolean endEpoch() {
            s.epochLoss = s.sumLoss / s.stepsPerEpoch;
            s.epochDataLoss = s.sumDataLoss / s.stepsPerEpoch;
            s.epochRegularisation = s.sumRegularisation / s.stepsPerEpoch;
            s.resumeEpoch = s.epoch + 1;
            s.position = 0;
            for (TrainingListener l : listeners) {
                l.onEpochEnd(s);
            }
            return !s.stopped();
        }

        void end() {
            running = false;
            s.endNanos = System.nanoTime();
            listeners.forEach(l -> l.onTrainingEnd(s));
        }
    }
}
