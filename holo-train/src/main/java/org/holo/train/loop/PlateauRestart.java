package org.holo.train.loop;

import java.util.function.IntFunction;

/**
 * Restarts an attempt that has learned nothing. On the papers' recipe about half the seeds fall, within the first
 * epochs, onto a plateau where the output bump t(F) is flat for every sample (all answered alike, data loss
 * 0.25): the data gradient vanishes, Adam rescales what is left of it, and L and λ drift until L collapses or the
 * forward pass overflows. Such an attempt never recovers, so it is replaced by fresh initial weights and a fresh
 * optimiser, and the new attempt gets the full number of epochs.
 */
public final class PlateauRestart implements TrainingListener {

    private final int maxRestarts;
    private final int afterEpochs;
    private final double dataLossAbove;
    private final IntFunction<double[]> initialParams;
    private final double[] freshOptimizer;

    /**
     * @param initialParams the initial weights of attempt k (k ≥ 1), from its own seed stream
     * @param freshOptimizer the optimiser's state before its first step
     */
    public PlateauRestart(int maxRestarts, int afterEpochs, double dataLossAbove, IntFunction<double[]> initialParams,
                          double[] freshOptimizer) {
        this.maxRestarts = maxRestarts;
        this.afterEpochs = afterEpochs;
        this.dataLossAbove = dataLossAbove;
        this.initialParams = initialParams;
        this.freshOptimizer = freshOptimizer.clone();
    }

    @Override
    public void onEpochEnd(TrainingState s) {
        if (s.restarts >= maxRestarts || s.epochOfAttempt(s.epoch) != afterEpochs) {
            return;
        }
        if (s.epochDataLoss > dataLossAbove || !Double.isFinite(s.epochDataLoss)) {
            s.restarts++;
            double[] p = initialParams.apply(s.restarts);
            System.arraycopy(p, 0, s.params, 0, p.length);
            s.optimizer.restore(freshOptimizer);
            s.attemptStart = s.epoch + 1;
        }
    }
}
