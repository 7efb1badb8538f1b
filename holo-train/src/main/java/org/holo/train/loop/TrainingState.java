package org.holo.train.loop;

import org.holo.core.model.ParameterLayout;

/** What listeners see of a running training: counters, the last step's values, the live parameter vector. */
public final class TrainingState {

    public final ParameterLayout layout;
    public final double[] params;
    public final double[] grad;
    public final int epochs;
    public final int stepsPerEpoch;
    public int epoch;          // 1-based, the epoch in progress or just ended
    public long step;          // optimiser steps done
    public double loss;        // last mini-batch total loss
    public double dataLoss;
    public double regularisation;
    public double epochLoss;   // mean mini-batch loss of the epoch just ended
    public double epochDataLoss;
    public double epochRegularisation;
    public long startNanos;
    private String stopReason;

    TrainingState(ParameterLayout layout, double[] params, int epochs, int stepsPerEpoch) {
        this.layout = layout;
        this.params = params;
        this.grad = new double[params.length];
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
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

    public double seconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }
}
