package org.holo.train.loop;

/**
 * The complete state of a training loop between two steps: parameters, optimiser state, the shuffle stream's
 * position, the epoch's permutation and partial sums. Restoring it continues bit for bit.
 *
 * @param epoch    the epoch to run next or in progress (1-based)
 * @param position index in {@code order} of the next mini-batch of that epoch (0: the epoch has not started)
 * @param restarts how often the run restarted from fresh initial weights (training.restart)
 * @param attemptStart the epoch at which the current attempt began (1 without restarts)
 */
public record LoopPosition(long step, int epoch, int position, int[] order, double[] sums, double[] params,
                           double[] optimizer, long[] rng, double epochLoss, double epochDataLoss,
                           double epochRegularisation, int restarts, int attemptStart) {
}
