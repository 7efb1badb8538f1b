package org.example.holo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holo.train.config.ConfigLoader;
import org.holo.train.observable.Observable;
import org.holo.train.observable.ObservableResult;
import org.holo.train.run.FinishedRun;

/**
 * The volume factor W(η)/W(η_ini) = exp(∫_{η_ini}^{η} h dη′) of a finished run's learned metric (h = ∂_η log W),
 * by the trapezoid rule on the layer positions, and the IR wall: the interior minimum of W, where h changes sign
 * from positive (boundary side) to negative. Exact for constant h; O(Δη²) otherwise.
 */
public final class VolumeFactorObservable implements Observable {

    public static final String NAME = "volume-factor";
    /** eta,h,log_W,W: one row per layer, boundary first. */
    public static final String CSV = "volume-factor.csv";
    /** The summary, with units. */
    public static final String SUMMARY = "volume-factor.json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "volume factor W(eta)/W(eta_ini) = exp(integral of h) of the learned metric and its IR wall (plugin example)";
    }

    @Override
    public List<String> files() {
        return List.of(CSV, SUMMARY);
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    @Override
    public Result compute(FinishedRun run, Map<String, String> options) {
        checkOptions(options);
        return compute(run.eta(), run.h(), run.dir().toAbsolutePath().normalize().toString(), run.config().name);
    }

    /** The volume factor of h given at the layer positions η (ordered from η_ini towards the horizon). */
    public static Result compute(double[] eta, double[] h, String runDirectory, String experiment) {
        if (eta.length != h.length || eta.length == 0) {
            throw new IllegalArgumentException("need h at every layer position, got " + h.length + " values for " + eta.length);
        }
        double[] logW = new double[eta.length];
        for (int i = 1; i < eta.length; i++) {
            logW[i] = logW[i - 1] + (eta[i] - eta[i - 1]) * 0.5 * (h[i] + h[i - 1]);
        }
        double[] w = new double[eta.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = StrictMath.exp(logW[i]);
        }
        // the IR wall: an interior local minimum of W (not at either end of the grid)
        int wall = -1;
        for (int i = 1; i + 1 < w.length; i++) {
            if (w[i] < w[i - 1] && w[i] <= w[i + 1] && (wall < 0 || w[i] < w[wall])) {
                wall = i;
            }
        }
        return new Result(eta.clone(), h.clone(), logW, w, wall, runDirectory, experiment);
    }

    /** W at each layer position, the wall's index (−1 when W has no interior minimum) and the run it came from. */
    public record Result(double[] eta, double[] h, double[] logW, double[] w, int wall, String run, String experiment)
            implements ObservableResult {

        @Override
        public ObjectNode json() {
            ObjectNode o = ConfigLoader.mapper().createObjectNode();
            o.put("observable", NAME);
            o.put("run", run);
            o.put("experiment", experiment);
            ObjectNode units = o.putObject("units");
            units.put("eta", "1 (radial proper distance in units of L)");
            units.put("h", "1/L");
            units.put("W", "1 (normalised: W(eta_ini) = 1)");
            o.put("quadrature", "trapezoid on the layer positions");
            o.put("eta_ini", eta[0]);
            o.put("W_last_layer", w[w.length - 1]);
            ObjectNode irWall = o.putObject("ir_wall");
            irWall.put("present", wall >= 0);
            if (wall >= 0) {
                irWall.put("eta", eta[wall]);
                irWall.put("W", w[wall]);
            }
            ArrayNode rows = o.putArray("W");
            for (double v : w) {
                rows.add(v);
            }
            return o;
        }

        @Override
        public Map<String, String> files() {
            StringBuilder csv = new StringBuilder("eta,h,log_W,W\n");
            for (int i = 0; i < eta.length; i++) {
                csv.append(eta[i]).append(',').append(h[i]).append(',').append(logW[i]).append(',').append(w[i]).append('\n');
            }
            Map<String, String> f = new LinkedHashMap<>();
            f.put(CSV, csv.toString());
            f.put(SUMMARY, ObservableResult.jsonText(json()));
            return f;
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "volume factor: W = %.6g at the last layer (eta = %.4g); %s", w[w.length - 1],
                    eta[eta.length - 1], wall >= 0 ? String.format(Locale.ROOT, "IR wall at eta = %.4g (W = %.6g)", eta[wall], w[wall])
                            : "no IR wall (W has no interior minimum)");
        }
    }
}
