package org.holo.train.ensemble;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A progress line for an ensemble on a terminal: epoch, members still training, median loss, time left. */
public final class EnsembleProgress implements EnsembleTrainer.Listener {

    private static final int WIDTH = 24;
    private final PrintStream out;
    private final String label;
    private final double intervalSeconds;
    private double lastReport = -1.0;

    public EnsembleProgress(PrintStream out, String label, double intervalSeconds) {
        this.out = out;
        this.label = label;
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public void onEpochEnd(int epoch, int epochs, List<EnsembleTrainer.Member> members, double seconds) {
        if (seconds - lastReport < intervalSeconds && epoch < epochs) {
            return;
        }
        lastReport = seconds;
        int live = 0;
        double[] losses = new double[members.size()];
        int k = 0;
        for (EnsembleTrainer.Member m : members) {
            if (!m.stopped()) {
                live++;
                if (Double.isFinite(m.epochLoss())) {
                    losses[k++] = m.epochLoss();
                }
            }
        }
        double[] sorted = java.util.Arrays.copyOf(losses, k);
        java.util.Arrays.sort(sorted);
        double left = epoch > 0 ? seconds / epoch * (epochs - epoch) : 0.0;
        int filled = epochs == 0 ? WIDTH : (int) ((long) WIDTH * epoch / epochs);
        StringBuilder sb = new StringBuilder("\r").append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append(String.format(Locale.ROOT, "] epoch %d/%d  %d/%d training  median loss %.5f  ETA %.0fs ",
                epoch, epochs, live, members.size(), Statistics.quantile(sorted, 0.5), left));
        out.print(sb);
        out.flush();
        if (epoch >= epochs) {
            out.println();
            lastReport = Double.NEGATIVE_INFINITY;
        }
    }

    /** Ends the line when the ensemble stopped before its last epoch (every member diverged). */
    public void finish() {
        if (lastReport >= 0) {
            out.println();
            lastReport = Double.NEGATIVE_INFINITY;
        }
    }
}
