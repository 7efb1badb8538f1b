package org.holo.train.optim;

/** Updates the parameter vector in place from its gradient; fixed entries (mask false) never move. */
public interface Optimizer {

    void step(double[] params, double[] grad);

    /** Optimiser state (moments, step count) as one flat vector, for checkpoints. */
    double[] state();

    void restore(double[] state);
}
