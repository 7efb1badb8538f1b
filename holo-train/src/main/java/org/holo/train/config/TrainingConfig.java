package org.holo.train.config;

/** Optimisation: Adam on shuffled mini-batches, the loss and its regularisers, the seed. */
public final class TrainingConfig {

    public int epochs = 5000;
    public int batchSize = 100;
    public double learningRate = 1e-3;
    public double beta1 = 0.9;
    public double beta2 = 0.999;
    public double adamEpsilon = 1e-8;
    /** The run seed; data, initial weights and shuffling each draw from their own stream derived from it. */
    public long seed = 1;
    /** Data loss: l1-squared (the paper's [mean |t − y|]²) or mse. */
    public String loss = "l1-squared";
    /** c_bdy in c_bdy (d − h_0)². */
    public double boundaryRegularisation = 0.01;
    /** c in c_i = c η̂_i⁴ of the smoothness penalty. */
    public double smoothnessRegularisation = 0.01;
    /** A run is converged when the mean loss of its final epoch is at most this. */
    public double convergedLoss = 0.1;
    /** Write checkpoint.json every this many optimiser steps (and always at the end); 0: only at the end. */
    public long checkpointEvery = 100000;
}
