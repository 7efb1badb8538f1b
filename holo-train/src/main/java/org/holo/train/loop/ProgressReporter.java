package org.holo.train.loop;

import java.io.PrintStream;
import java.util.Locale;
import org.holo.core.model.ParameterLayout;

/**
 * A progress bar on a terminal: epoch, loss, L, λ and the time left, redrawn in place at most every
 * {@code intervalSeconds} and finished with a newline.
 */
public final class ProgressReporter implements TrainingListener {

    private static final int WIDTH = 24;
    private final PrintStream out;
    private final String label;
    private final double intervalSeconds;
    private double lastReport = -1.0;
    private int startEpoch;

    public ProgressReporter(PrintStream out, String label, double intervalSeconds) {
        this.out = out;
        this.label = label;
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public void onTrainingBegin(TrainingState s) {
        startEpoch = s.epoch;
    }

    @Override
    public void onEpochEnd(TrainingState s) {
        double t = s.seconds();
        if (t - lastReport < intervalSeconds && s.epoch < s.lastEpoch()) {
            return;
        }
        lastReport = t;
        int done = s.epoch - startEpoch;
        double left = done > 0 ? t / done * (s.lastEpoch() - s.epoch) : 0.0;
        int filled = s.lastEpoch() == 0 ? WIDTH : (int) ((long) WIDTH * s.epoch / s.lastEpoch());
        StringBuilder sb = new StringBuilder("\r").append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append(String.format(Locale.ROOT, "] epoch %d/%d  loss %.5f", s.epoch, s.lastEpoch(), s.epochLoss));
        if (s.layout.has(ParameterLayout.RADIUS)) {
            sb.append(String.format(Locale.ROOT, "  L %.4f GeV^-1", s.params[s.layout.offsetOf(ParameterLayout.RADIUS)]));
        }
        if (s.layout.has(ParameterLayout.LAMBDA)) {
            sb.append(String.format(Locale.ROOT, "  lambda %.5f", s.params[s.layout.offsetOf(ParameterLayout.LAMBDA)]));
        }
        sb.append(String.format(Locale.ROOT, "  ETA %.0fs ", left));
        out.print(sb);
        out.flush();
    }

    @Override
    public void onTrainingEnd(TrainingState s) {
        if (lastReport >= 0) {
            out.println();
        }
    }

    /** Progress is drawn only on an interactive terminal, never under CI=true or --quiet. */
    public static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
    }
}
