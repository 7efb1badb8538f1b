package org.holo.train.loop;

import org.holo.core.model.ParameterLayout;
import org.holo.train.optim.Optimizer;
import org.holo.train.random.Rng;

/**
 * What listeners see of a running training: counters, the last step's values, the live parameter vector, and
 * the loop's position (epoch, place in the shuffled order, partial sums), which is all a checkpoint needs.
 */
public final class TrainingState {

    public final ParameterLayout layout;
    public final double[] params;
    public final double[] grad;
    /** Epochs of one attempt (training.epochs); a restart starts a new attempt of that length. */
    public final int epochs;
    public final int stepsPerEpoch;
    public final Optimizer optimizer;
    public final Rng shuffle;
    public int epoch;          // 1-based, the epoch in progress or just ended
    public long step;          // optimiser steps done
    public double loss;        // last mini-batch total loss
    public double dataLoss;
    public double regularisation;
    // mean mini-batch losses of the epoch just ended; NaN until an epoch has ended (a run that stops in its
    // first epoch, or has 0 epochs, has no epoch loss: reporting 0 would read as a perfect fit)
    public double epochLoss = Double.NaN;
    public double epochDataLoss = Double.NaN;
    public double epochRegularisation = Double.NaN;
    /** Whether the objective includes its regularisers in this epoch (a training schedule may hold them off). */
    public boolean regularisersOn = true;
    public long startNanos;
    long endNanos;             // when the loop ended for this member, 0 while it runs
    public int restarts;       // restarts from fresh initial weights so far
    public int attemptStart = 1; // the epoch at which the current attempt began
    private String stopReason;

    // where the loop resumes: the epoch to run (1-based) and the index of its next mini-batch in `order`
    int resumeEpoch = 1;
    int position;
    int[] order;
    long[] shuffleStart; // the shuffle stream before the first epoch; null when it does not replay a stored order
    double sumLoss;
    double sumDataLoss;
    double sumRegularisation;

    TrainingState(ParameterLayout layout, double[] params, int epochs, int stepsPerEpoch, Optimizer optimizer, Rng shuffle) {
        this.layout = layout;
        this.params = params;
        this.grad = new double[params.length];
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.optimizer = optimizer;
        this.shuffle = shuffle;
        this.shuffleStart = shuffle.snapshot();
    }

    /** Asks the loop to stop before the current step's update; the reason goes into the run's result. */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    public String stopReason() {
        return stopReason;
    }

    public boolean stopped() {
        return stopReason != null;
    }

    /** The last epoch the loop will run: the current attempt's start plus its length. */
    public int lastEpoch() {
        return attemptStart - 1 + epochs;
    }

    /** The epoch to run next, or in progress. */
    public int epochToRun() {
        return resumeEpoch;
    }

    /** Epoch {@code epoch} counted within the current attempt (1-based). */
    public int epochOfAttempt(int epoch) {
        return epoch - attemptStart + 1;
    }

    /** Wall time since the training began, until it ended. */
    public double seconds() {
        return ((endNanos != 0 ? endNanos : System.nanoTime()) - startNanos) * 1e-9;
    }

    /** Everything needed to continue this training exactly where it is now. */
    public LoopPosition position() {
        return new LoopPosition(step, resumeEpoch, position, order.length, shuffleStart == null ? order.clone() : null,
                shuffleStart, LoopPosition.shufflesBefore(resumeEpoch, position),
                new double[] {sumLoss, sumDataLoss, sumRegularisation}, params.clone(), optimizer.state(),
                shuffle.snapshot(), epochLoss, epochDataLoss, epochRegularisation, restarts, attemptStart);
    }

    void restore(LoopPosition p) {
        int[] restored = p.orderFor(order.length);
        if (p.params().length != params.length) {
            throw new IllegalArgumentException("checkpoint has " + p.params().length + " parameters, the model has " + params.length);
        }
        step = p.step();
        resumeEpoch = p.epoch();
        position = p.position();
        System.arraycopy(restored, 0, order, 0, order.length);
        shuffleStart = p.shuffleStartOr(shuffleStart);
        sumLoss = p.sums()[0];
        sumDataLoss = p.sums()[1];
        sumRegularisation = p.sums()[2];
        System.arraycopy(p.params(), 0, params, 0, params.length);
        optimizer.restore(p.optimizer());
        shuffle.restore(p.rng());
        epochLoss = p.epochLoss();
        epochDataLoss = p.epochDataLoss();
        epochRegularisation = p.epochRegularisation();
        restarts = p.restarts();
        attemptStart = p.attemptStart();
        epoch = position == 0 ? resumeEpoch - 1 : resumeEpoch;
    }
}
