package org.holo.train.loop;

import java.io.PrintStream;
import java.util.Locale;
import org.holo.core.model.ParameterLayout;

/** A progress line on stderr at most every {@code intervalSeconds}: epoch, loss, L, λ and the time left. */
public final class ProgressReporter implements TrainingListener {

    private final PrintStream out;
    private final String label;
    private final double intervalSeconds;
    private double lastReport;

    public ProgressReporter(PrintStream out, String label, double intervalSeconds) {
        this.out = out;
        this.label = label;
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public void onEpochEnd(TrainingState s) {
        double t = s.seconds();
        if (t - lastReport < intervalSeconds && s.epoch < s.epochs) {
            return;
        }
        lastReport = t;
        double eta = s.epoch > 0 ? t / s.epoch * (s.epochs - s.epoch) : 0.0;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s epoch %d/%d  loss %.5f", label, s.epoch, s.epochs, s.epochLoss));
        if (s.layout.has(ParameterLayout.RADIUS)) {
            sb.append(String.format(Locale.ROOT, "  L %.4f GeV^-1", s.params[s.layout.offsetOf(ParameterLayout.RADIUS)]));
        }
        sb.append(String.format(Locale.ROOT, "  lambda %.5f  %.0fs elapsed, ~%.0fs left",
                s.params[s.layout.offsetOf(ParameterLayout.LAMBDA)], t, eta));
        out.println(sb);
    }
}
