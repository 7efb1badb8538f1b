package org.holo.train.ensemble;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.holo.train.loop.TrainingListener;
import org.holo.train.loop.TrainingState;

/**
 * A progress line for an ensemble on a terminal: epochs done over all members, members still training, their
 * median loss, time left. Members may train on different threads; each reports through its own listener.
 */
public final class EnsembleProgress {

    private static final int WIDTH = 24;
    private final PrintStream out;
    private final String label;
    private final double intervalSeconds;
    private final long start = System.nanoTime();
    private final List<Member> members = new ArrayList<>();
    private double lastReport = Double.NEGATIVE_INFINITY;
    private boolean lineOpen;

    public EnsembleProgress(PrintStream out, String label, double intervalSeconds) {
        this.out = out;
        this.label = label;
        this.intervalSeconds = intervalSeconds;
    }

    /** The listener of one more member. */
    public synchronized TrainingListener member() {
        Member m = new Member();
        members.add(m);
        return m;
    }

    private final class Member implements TrainingListener {
        int epochsDone;
        int epochsPlanned;
        double loss = Double.NaN;
        boolean done;

        @Override
        public void onTrainingBegin(TrainingState s) {
            synchronized (EnsembleProgress.this) {
                epochsPlanned = s.lastEpoch();
            }
        }

        @Override
        public void onEpochEnd(TrainingState s) {
            synchronized (EnsembleProgress.this) {
                epochsDone = s.epoch;
                epochsPlanned = Math.max(s.lastEpoch(), s.epoch);
                loss = s.epochLoss;
                report();
            }
        }

        @Override
        public void onTrainingEnd(TrainingState s) {
            synchronized (EnsembleProgress.this) {
                done = true;
                epochsPlanned = epochsDone;
                report();
            }
        }
    }

    private void report() {
        double seconds = (System.nanoTime() - start) * 1e-9;
        long done = 0;
        long planned = 0;
        int live = 0;
        double[] losses = new double[members.size()];
        int k = 0;
        for (Member m : members) {
            done += m.epochsDone;
            planned += m.epochsPlanned;
            if (!m.done) {
                live++;
                if (Double.isFinite(m.loss)) {
                    losses[k++] = m.loss;
                }
            }
        }
        boolean finished = live == 0;
        if (!finished && seconds - lastReport < intervalSeconds) {
            return;
        }
        lastReport = seconds;
        double[] sorted = Arrays.copyOf(losses, k);
        Arrays.sort(sorted);
        double left = done > 0 ? seconds / done * (planned - done) : 0.0;
        int filled = planned == 0 ? WIDTH : (int) (WIDTH * done / planned);
        StringBuilder sb = new StringBuilder("\r").append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append(String.format(Locale.ROOT, "] epochs %d/%d  %d/%d training  median loss %.5f  ETA %.0fs ",
                done, planned, live, members.size(), Statistics.quantile(sorted, 0.5), left));
        out.print(sb);
        out.flush();
        lineOpen = true;
        if (finished) {
            finish();
        }
    }

    /** Ends the progress line, if one was started. */
    public synchronized void finish() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
