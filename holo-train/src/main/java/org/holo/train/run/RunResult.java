package org.holo.train.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;

/** The outcome of one training run, as written to result.json. */
public record RunResult(String experiment, long seed, String backend, double[] params, double loss, double dataLoss,
                        double regularisation, long steps, int epochs, double seconds, long sessionSteps,
                        Verdict verdict, boolean diverged, int restarts) {

    /** Wall time per optimiser step of this process (a resumed run counts only the steps it did itself). */
    public double microsecondsPerStep() {
        return sessionSteps > 0 ? seconds * 1e6 / sessionSteps : Double.NaN;
    }

    /** Shortest round-trip decimal, or null for non-finite values (JSON has no NaN). */
    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    public ObjectNode toJson(HolographicNetwork network) {
        ParameterLayout layout = network.layout();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("experiment", experiment);
        o.put("seed", seed);
        o.put("backend", backend);
        put(o, "loss", loss);
        put(o, "data_loss", dataLoss);
        put(o, "regularisation", regularisation);
        o.put("converged", verdict.converged());
        o.put("restarts", restarts);
        if (!verdict.converged()) {
            o.put("reason", verdict.reason());
        }
        if (layout.has(ParameterLayout.RADIUS)) {
            double radius = params[layout.offsetOf(ParameterLayout.RADIUS)];
            put(o, "L_GeV_inv", radius);
            put(o, "inverse_L_MeV", 1000.0 / radius);
        }
        put(o, "lambda", params[layout.offsetOf(ParameterLayout.LAMBDA)]);
        ArrayNode eta = o.putArray("eta");
        for (double e : network.grid().layerEtas()) {
            eta.add(e);
        }
        numbers(o.putArray("h"), network.metricAtLayers(params));
        if (layout.has(ParameterLayout.HORIZON)) {
            // h = c/eta + r: the parameters themselves, so that the run can be read back exactly
            put(o, "horizon_coefficient", params[layout.offsetOf(ParameterLayout.HORIZON)]);
            ParameterLayout.Block rb = layout.block(ParameterLayout.METRIC);
            numbers(o.putArray("remainder"), java.util.Arrays.copyOfRange(params, rb.offset(), rb.offset() + rb.size()));
        }
        put(o, "accuracy", verdict.accuracy());
        put(o, "positive_fraction", verdict.positiveFraction());
        o.put("steps", steps);
        o.put("epochs", epochs);
        put(o, "seconds", seconds);
        put(o, "microseconds_per_step", microsecondsPerStep());
        return o;
    }

    private static void numbers(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    /** metric.csv: header eta,h and one row per layer, boundary to horizon. */
    public String metricCsv(HolographicNetwork network) {
        double[] h = network.metricAtLayers(params);
        double[] eta = network.grid().layerEtas();
        StringBuilder sb = new StringBuilder("eta,h\n");
        for (int i = 0; i < h.length; i++) {
            sb.append(eta[i]).append(',').append(h[i]).append('\n');
        }
        return sb.toString();
    }
}
