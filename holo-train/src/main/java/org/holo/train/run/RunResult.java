package org.holo.train.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.holo.train.io.JsonNumbers;
import org.holo.train.modes.RunModes;

/**
 * The outcome of one training run, as written to result.json, with the {@link SensitivityProfile} of its final
 * metric ({@code sensitivity}, one value per layer, boundary first) and its metric modes ({@code modes}, null for a
 * diverged run; their counts go into result.json, the rest into modes.json and modes.csv).
 */
public record RunResult(String experiment, long seed, String backend, double[] params, double loss, double dataLoss,
                        double regularisation, long steps, int epochs, double seconds, long sessionSteps,
                        Verdict verdict, boolean diverged, int restarts, double[] sensitivity, RunModes.Computed modes) {

    /** What the two profile fields of result.json mean, written next to them. */
    public static final String SENSITIVITY_DEFINITION = "sensitivity_i = (1/n) sum_b (dt_b/dh_i)^2 over the n training"
            + " points at the final parameters (Gauss-Newton diagonal of the data term, h changed at layer i alone);"
            + " h_conditional_resolution_i = " + SensitivityProfile.OUTPUT_SHIFT + "/sqrt(sensitivity_i), the change of h_i alone, every other layer held, that moves"
            + " the outputs t by " + SensitivityProfile.OUTPUT_SHIFT + " rms; null where sensitivity_i = 0 (the data do"
            + " not constrain h_i: infinite) or not finite";

    public RunResult {
        if (sensitivity == null) {
            throw new IllegalArgumentException("a run result needs its sensitivity profile (one value per layer)");
        }
    }

    /** Wall time per optimiser step of this process (a resumed run counts only the steps it did itself). */
    public double microsecondsPerStep() {
        return sessionSteps > 0 ? seconds * 1e6 / sessionSteps : Double.NaN;
    }


    /** The result.json array that holds the metric block's per-layer weights: h itself, or r of c/η + r. */
    public static String weightsField(ParameterLayout layout) {
        return layout.has(ParameterLayout.HORIZON) ? ResultFields.REMAINDER : ResultFields.H;
    }

    public ObjectNode toJson(HolographicNetwork network) {
        ParameterLayout layout = network.layout();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(ResultFields.EXPERIMENT, experiment);
        o.put(ResultFields.SEED, seed);
        o.put(ResultFields.BACKEND, backend);
        JsonNumbers.put(o, ResultFields.LOSS, loss);
        JsonNumbers.put(o, ResultFields.DATA_LOSS, dataLoss);
        JsonNumbers.put(o, ResultFields.REGULARISATION, regularisation);
        o.put(ResultFields.CONVERGED, verdict.converged());
        o.put(ResultFields.RESTARTS, restarts);
        if (!verdict.converged()) {
            o.put(ResultFields.REASON, verdict.reason());
        }
        if (layout.has(ParameterLayout.RADIUS)) {
            double radius = params[layout.offsetOf(ParameterLayout.RADIUS)];
            JsonNumbers.put(o, ResultFields.RADIUS, radius);
            JsonNumbers.put(o, ResultFields.INVERSE_RADIUS, 1000.0 / radius);
        }
        JsonNumbers.put(o, ResultFields.LAMBDA, params[layout.offsetOf(ParameterLayout.LAMBDA)]);
        ArrayNode eta = o.putArray(ResultFields.ETA);
        for (double e : network.grid().layerEtas()) {
            eta.add(e);
        }
        JsonNumbers.addAll(o.putArray(ResultFields.H), network.metricAtLayers(params));
        if (layout.has(ParameterLayout.HORIZON)) {
            // h = c/eta + r: the parameters themselves, so that the run can be read back exactly
            JsonNumbers.put(o, ResultFields.HORIZON_COEFFICIENT, params[layout.offsetOf(ParameterLayout.HORIZON)]);
            ParameterLayout.Block rb = layout.block(ParameterLayout.METRIC);
            JsonNumbers.addAll(o.putArray(ResultFields.REMAINDER), java.util.Arrays.copyOfRange(params, rb.offset(), rb.offset() + rb.size()));
        }
        ObjectNode blocks = o.putObject(ResultFields.PARAMETERS);
        for (ParameterLayout.Block b : layout.blocks()) {
            if (b.size() == 1) {
                JsonNumbers.put(blocks, b.name(), params[b.offset()]);
            } else {
                JsonNumbers.addAll(blocks.putArray(b.name()), java.util.Arrays.copyOfRange(params, b.offset(), b.offset() + b.size()));
            }
        }
        JsonNumbers.addAll(o.putArray(ResultFields.SENSITIVITY), sensitivity);
        JsonNumbers.addAll(o.putArray(ResultFields.H_CONDITIONAL_RESOLUTION), SensitivityProfile.resolution(sensitivity));
        o.put(ResultFields.SENSITIVITY_DEFINITION, SENSITIVITY_DEFINITION);
        if (modes != null) {
            o.put(ResultFields.MODES_DETERMINED, modes.modes().determined());
            JsonNumbers.put(o, ResultFields.MODES_EFFECTIVE, modes.modes().effectiveParameters());
            o.put(ResultFields.MODES_DATA_RANK, modes.dataRank());
        }
        JsonNumbers.put(o, ResultFields.ACCURACY, verdict.accuracy());
        JsonNumbers.put(o, ResultFields.POSITIVE_FRACTION, verdict.positiveFraction());
        o.put(ResultFields.STEPS, steps);
        o.put(ResultFields.EPOCHS, epochs);
        JsonNumbers.put(o, ResultFields.SECONDS, seconds);
        JsonNumbers.put(o, ResultFields.MICROSECONDS_PER_STEP, microsecondsPerStep());
        return o;
    }


    /** The header of metric.csv. */
    public static final String METRIC_CSV_HEADER = "eta,h,sensitivity," + ResultFields.H_CONDITIONAL_RESOLUTION;

    /**
     * metric.csv: header {@value #METRIC_CSV_HEADER} and one row per layer, boundary to horizon; an unbounded
     * h_conditional_resolution (sensitivity 0) is written as Infinity, as Java and NumPy read it.
     */
    public String metricCsv(HolographicNetwork network) {
        double[] h = network.metricAtLayers(params);
        double[] eta = network.grid().layerEtas();
        if (sensitivity.length != h.length) {
            throw new IllegalStateException("sensitivity profile has " + sensitivity.length + " values for " + h.length + " layers");
        }
        double[] resolution = SensitivityProfile.resolution(sensitivity);
        StringBuilder sb = new StringBuilder(METRIC_CSV_HEADER).append('\n');
        for (int i = 0; i < h.length; i++) {
            sb.append(eta[i]).append(',').append(h[i]).append(',').append(sensitivity[i]).append(',')
                    .append(resolution[i]).append('\n');
        }
        return sb.toString();
    }
}
