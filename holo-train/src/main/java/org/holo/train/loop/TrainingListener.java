package org.holo.train.loop;

/** Hooks on the training loop; logging, progress, guards and checkpoints live here, not in the loop. */
public interface TrainingListener {

    default void onTrainingBegin(TrainingState state) {
    }

    /** After the loss and gradient of a step are known, before the optimiser update. */
    default void onStep(TrainingState state) {
    }

    /** After the optimiser update of a step. */
    default void onStepEnd(TrainingState state) {
    }

    default void onEpochEnd(TrainingState state) {
    }

    default void onTrainingEnd(TrainingState state) {
    }
}
