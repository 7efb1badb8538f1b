package org.holo.train.loop;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.model.ParameterLayout;

/** One JSON line per epoch: step, epoch, loss (mean of the epoch's mini-batches), data loss, L and λ when the model has them. */
public final class MetricsLog implements TrainingListener {

    private final List<String> lines;

    public MetricsLog() {
        this(List.of());
    }

    /** Continues a log: the lines of the epochs already done (from a checkpoint). */
    public MetricsLog(List<String> done) {
        this.lines = new ArrayList<>(done);
    }

    @Override
    public void onEpochEnd(TrainingState s) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"step\":").append(s.step)
                .append(",\"epoch\":").append(s.epoch)
                .append(",\"loss\":").append(json(s.epochLoss))
                .append(",\"data_loss\":").append(json(s.epochDataLoss))
                .append(",\"regularisation\":").append(json(s.epochRegularisation));
        if (s.layout.has(ParameterLayout.RADIUS)) {
            sb.append(",\"L\":").append(json(s.params[s.layout.offsetOf(ParameterLayout.RADIUS)]));
        }
        if (s.layout.has(ParameterLayout.LAMBDA)) {
            sb.append(",\"lambda\":").append(json(s.params[s.layout.offsetOf(ParameterLayout.LAMBDA)]));
        }
        if (s.restarts > 0) {
            sb.append(",\"attempt\":").append(s.restarts); // 0-based: the restart this attempt came from
        }
        sb.append('}');
        lines.add(sb.toString());
    }

    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    public List<String> lines() {
        return lines;
    }

    public String text() {
        StringBuilder sb = new StringBuilder(lines.size() * 160);
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
