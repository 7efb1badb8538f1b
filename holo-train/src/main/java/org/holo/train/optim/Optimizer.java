package org.holo.train.optim;

/** Updates the parameter vector in place from its gradient; fixed entries (mask false) never move. */
public interface Optimizer {

    void step(double[] params, double[] grad);

    /** Optimiser state (moments, step count) as one flat vector, for checkpoints. */
    double[] state();

    void restore(double[] state);

    /** The step size from now on (a learning-rate schedule sets it before each epoch). */
    void setLearningRate(double learningRate);

    double learningRate();
}
