package org.holo.train.loop;

import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.optim.Optimizer;
import org.holo.train.random.Rng;

/**
 * The training loop: shuffle, mini-batch, loss and gradient from the backend, optimiser step. Everything else
 * hangs off it as a {@link TrainingListener}.
 */
public final class Trainer {

    private final int epochs;
    private final int batchSize;

    public Trainer(int epochs, int batchSize) {
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    public TrainingState fit(Backend backend, Optimizer optimizer, ParameterLayout layout, double[] params,
                             LabelledData data, Rng shuffle, List<TrainingListener> listeners) {
        return fit(backend, optimizer, layout, params, data, shuffle, listeners, null);
    }

    /** Trains, or with {@code resume} continues a training from that position (params, optimiser and rng included). */
    public TrainingState fit(Backend backend, Optimizer optimizer, ParameterLayout layout, double[] params,
                             LabelledData data, Rng shuffle, List<TrainingListener> listeners, LoopPosition resume) {
        int n = data.size();
        int stepsPerEpoch = (n + batchSize - 1) / batchSize;
        TrainingState s = new TrainingState(layout, params, epochs, stepsPerEpoch, optimizer, shuffle);
        s.order = new int[n];
        for (int i = 0; i < n; i++) {
            s.order[i] = i;
        }
        if (resume != null) {
            s.restore(resume);
        }
        Batch batch = new Batch(batchSize);
        Objective.Value parts = new Objective.Value();
        int[] order = s.order;
        s.startNanos = System.nanoTime();
        listeners.forEach(l -> l.onTrainingBegin(s));
        training:
        for (int epoch = s.resumeEpoch; epoch <= s.lastEpoch(); epoch++) {
            s.epoch = epoch;
            s.resumeEpoch = epoch;
            if (s.position == 0) {
                shuffle.shuffle(order);
                s.sumLoss = 0.0;
                s.sumDataLoss = 0.0;
                s.sumRegularisation = 0.0;
            }
            for (int start = s.position; start < n; start += batchSize) {
                int size = Math.min(batchSize, n - start);
                for (int k = 0; k < size; k++) {
                    int i = order[start + k];
                    batch.x0[k] = data.x0(i);
                    batch.x1[k] = data.x1(i);
                    batch.y[k] = data.label(i);
                }
                batch.setSize(size);
                s.loss = backend.lossAndGradient(params, batch, s.grad, parts);
                s.dataLoss = parts.data;
                s.regularisation = parts.regularisation;
                for (TrainingListener l : listeners) {
                    l.onStep(s);
                }
                if (s.stopped()) {
                    break training;
                }
                optimizer.step(params, s.grad);
                s.step++;
                s.sumLoss += s.loss;
                s.sumDataLoss += s.dataLoss;
                s.sumRegularisation += s.regularisation;
                s.position = start + size;
                for (TrainingListener l : listeners) {
                    l.onStepEnd(s);
                }
                if (s.stopped()) {
                    break training;
                }
            }
            s.epochLoss = s.sumLoss / stepsPerEpoch;
            s.epochDataLoss = s.sumDataLoss / stepsPerEpoch;
            s.epochRegularisation = s.sumRegularisation / stepsPerEpoch;
            s.resumeEpoch = epoch + 1;
            s.position = 0;
            for (TrainingListener l : listeners) {
                l.onEpochEnd(s);
            }
            if (s.stopped()) {
                break;
            }
        }
        listeners.forEach(l -> l.onTrainingEnd(s));
        return s;
    }
}
