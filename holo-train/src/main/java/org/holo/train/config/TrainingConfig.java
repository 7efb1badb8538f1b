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
    public ComponentSection loss = ComponentSection.named("l1-squared");
    /** c_bdy in c_bdy (d − h_0)². */
    public double boundaryRegularisation = 0.01;
    /** c in c_i = c η̂_i⁴ of the smoothness penalty. */
    public double smoothnessRegularisation = 0.01;
    /** eta4: c_i = c η̂_i⁴ (the papers: weak near the horizon); uniform: c_i = c (for the remainder of c/η + r). */
    public String smoothnessProfile = "eta4";
    /**
     * Further regularisers, after the boundary and smoothness ones above (the order of the sum): component sections
     * {@code {"type": NAME, …}} of registered regularisers. Written only when there are some, so that the config.json
     * of a run without them stays as it was.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public java.util.List<ComponentSection> regularisers = new java.util.ArrayList<>();
    /** A run is converged when the mean loss of its final epoch is at most this. */
    public double convergedLoss = 0.1;
    /**
     * Regularisers off for the first this many epochs of each attempt, so that they do not flatten h to pure AdS
     * before the data term can act; 0 (the papers' recipe): on throughout.
     */
    public int regularisationWarmup = 0;
    /** Cosine decay of the learning rate over the last this many epochs of each attempt; 0: constant. */
    public int decayEpochs = 0;
    /** The learning rate the decay ends at. */
    public double finalLearningRate = 1e-5;
    public Restart restart = new Restart();

    /**
     * Restart from fresh initial weights (drawn from a new stream of the same seed) when an attempt has learned
     * nothing: its data loss at epoch {@code afterEpochs} is still above {@code dataLossAbove}.
     */
    public static final class Restart {
        /** At most this many restarts; 0: never restart (the papers' recipe). */
        public int maxRestarts = 0;
        /** The epoch of each attempt at which it is judged. */
        public int afterEpochs = 600;
        /** The data loss of a net that answers alike for everything is 0.25 (l1-squared, balanced classes). */
        public double dataLossAbove = 0.24;
    }

    /** Write checkpoint.json every this many optimiser steps (and always at the end); 0: only at the end. */
    public long checkpointEvery = 100000;
}
