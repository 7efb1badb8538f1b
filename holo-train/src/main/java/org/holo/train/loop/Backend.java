package org.holo.train.loop;

import org.holo.core.model.Batch;
import org.holo.core.model.Objective;

/** The only hot call of training: loss and gradient of the objective on one mini-batch. */
public interface Backend {

    String name();

    /** Returns the loss and overwrites {@code grad} with its gradient; {@code parts} receives the breakdown. */
    double lossAndGradient(double[] params, Batch batch, double[] grad, Objective.Value parts);
}
