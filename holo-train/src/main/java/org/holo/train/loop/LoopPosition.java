package org.holo.train.loop;

import java.util.Arrays;
import org.holo.train.random.Rng;

/**
 * The complete state of a training loop between two steps: parameters, optimiser state, the shuffle stream's
 * position, the epoch's permutation and partial sums. Restoring it continues bit for bit.
 *
 * <p>The permutation is not stored but regenerated: each epoch shuffles the previous epoch's order in place, so
 * the order is that of {@code shuffles} shuffles of 0, 1, …, points−1 drawn from the shuffle stream started at
 * {@code shuffleStart}. Positions written before that (with the order itself) carry {@code order} instead and
 * a null {@code shuffleStart}.
 *
 * @param epoch    the epoch to run next or in progress (1-based)
 * @param position index in the order of the next mini-batch of that epoch (0: the epoch has not started)
 * @param points   the number of data points the order permutes
 * @param order    the order itself, or null when it is regenerated from {@code shuffleStart}
 * @param shuffleStart the shuffle stream's state ({@link Rng#snapshot()}) before the first epoch, or null
 * @param shuffles how many epochs' shuffles the order has had
 * @param rng      the shuffle stream's state now
 * @param restarts how often the run restarted from fresh initial weights (training.restart)
 * @param attemptStart the epoch at which the current attempt began (1 without restarts)
 */
public record LoopPosition(long step, int epoch, int position, int points, int[] order, long[] shuffleStart,
                           long shuffles, double[] sums, double[] params, double[] optimizer, long[] rng,
                           double epochLoss, double epochDataLoss, double epochRegularisation, int restarts,
                           int attemptStart) {

    /** Shuffles done when the loop is at {@code position} of {@code epoch}: an epoch shuffles before its first batch. */
    public static long shufflesBefore(int epoch, int position) {
        return position == 0 ? epoch - 1L : epoch;
    }

    /**
     * The epoch's order for data of {@code n} points: the stored one, or the replayed shuffles, checked against
     * the stream state the position recorded.
     */
    public int[] orderFor(int n) {
        if (points != n) {
            throw new IllegalArgumentException("checkpoint is for " + points + " data points, the data have " + n);
        }
        if (order != null) {
            if (order.length != n) {
                throw new IllegalArgumentException("checkpoint is for " + order.length + " data points, the data have " + n);
            }
            return order.clone();
        }
        int[] replayed = new int[n];
        for (int i = 0; i < n; i++) {
            replayed[i] = i;
        }
        Rng stream = new Rng(0);
        stream.restore(shuffleStart);
        for (long k = 0; k < shuffles; k++) {
            stream.shuffle(replayed);
        }
        if (!Arrays.equals(stream.snapshot(), rng)) {
            throw new IllegalArgumentException("checkpoint's shuffle stream does not replay to its recorded state after "
                    + shuffles + " shuffles: the checkpoint is damaged");
        }
        return replayed;
    }

    /**
     * The shuffle stream's start for a run continuing from this position: the recorded one, or for a position
     * that stored the order, {@code candidate} (the start of the run's shuffle stream) when replaying from it
     * gives that order and stream state, else null (the run keeps storing the order).
     */
    public long[] shuffleStartOr(long[] candidate) {
        if (shuffleStart != null) {
            return shuffleStart;
        }
        LoopPosition replay = new LoopPosition(step, epoch, position, points, null, candidate, shufflesBefore(epoch, position),
                sums, params, optimizer, rng, epochLoss, epochDataLoss, epochRegularisation, restarts, attemptStart);
        try {
            return Arrays.equals(replay.orderFor(points), order) ? candidate : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
