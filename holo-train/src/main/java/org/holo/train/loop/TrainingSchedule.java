package org.holo.train.loop;

/**
 * Per-epoch settings that depend only on the epoch within the current attempt, so that a resumed run sets them
 * exactly as the uninterrupted one did: regularisers off during the warm-up, then on; the learning rate constant,
 * then decaying as a half cosine to its final value over the last epochs.
 */
public final class TrainingSchedule implements TrainingListener {

    private final int epochs;
    private final int regularisationWarmup;
    private final double learningRate;
    private final int decayEpochs;
    private final double finalLearningRate;

    /** @param epochs the length of one attempt (training.epochs) */
    public TrainingSchedule(int epochs, int regularisationWarmup, double learningRate, int decayEpochs,
                            double finalLearningRate) {
        this.epochs = epochs;
        this.regularisationWarmup = regularisationWarmup;
        this.learningRate = learningRate;
        this.decayEpochs = decayEpochs;
        this.finalLearningRate = finalLearningRate;
    }

    /** Whether the regularisers act in epoch {@code k} of an attempt (1-based). */
    public boolean regularisersOn(int k) {
        return k > regularisationWarmup;
    }

    /** The learning rate of epoch {@code k} of an attempt of {@code epochs} epochs. */
    public double learningRate(int k, int epochs) {
        int decayStart = epochs - decayEpochs; // the decay runs over epochs decayStart+1 … epochs
        if (decayEpochs == 0 || k <= decayStart) {
            return learningRate;
        }
        double x = (double) (k - decayStart) / decayEpochs;
        return finalLearningRate + (learningRate - finalLearningRate) * 0.5 * (1.0 + StrictMath.cos(Math.PI * x));
    }

    private void apply(TrainingState s, int epoch) {
        int k = s.epochOfAttempt(epoch);
        s.regularisersOn = regularisersOn(k);
        s.optimizer.setLearningRate(learningRate(k, epochs));
    }

    @Override
    public void onTrainingBegin(TrainingState s) {
        apply(s, s.epochToRun());
    }

    @Override
    public void onEpochEnd(TrainingState s) {
        apply(s, s.epoch + 1);
    }
}
