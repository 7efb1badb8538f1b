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
        int n = data.size();
        int stepsPerEpoch = (n + batchSize - 1) / batchSize;
        TrainingState s = new TrainingState(layout, params, epochs, stepsPerEpoch);
        Batch batch = new Batch(batchSize);
        Objective.Value parts = new Objective.Value();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        s.startNanos = System.nanoTime();
        listeners.forEach(l -> l.onTrainingBegin(s));
        training:
        for (int epoch = 1; epoch <= epochs; epoch++) {
            s.epoch = epoch;
            shuffle.shuffle(order);
            double sum = 0.0;
            double sumData = 0.0;
            double sumReg = 0.0;
            for (int start = 0; start < n; start += batchSize) {
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
                sum += s.loss;
                sumData += s.dataLoss;
                sumReg += s.regularisation;
            }
            s.epochLoss = sum / stepsPerEpoch;
            s.epochDataLoss = sumData / stepsPerEpoch;
            s.epochRegularisation = sumReg / stepsPerEpoch;
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
