package org.holo.train.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.RunResult;

/**
 * A finished run directory read for reporting. Unlike {@link org.holo.train.run.RunRecord} it is lenient about
 * values: a null (non-finite) h, L or λ in result.json becomes NaN and a bad line of metrics.jsonl is skipped,
 * each with a note, so that a diverged run can still be exported and plotted. A missing config.json or
 * result.json is still an error (not a run directory). The sensitivity profile is null for a run written before
 * result.json recorded it (with a note): such a run reports without it.
 */
public record RunData(Path dir, ExperimentConfig config, HolographicNetwork network, double[] params, JsonNode result,
                      List<JsonNode> history, List<String> notes, double[] sensitivity) {

    public static RunData read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a run directory (no such directory)");
        }
        Path configFile = dir.resolve(RunDirectory.CONFIG);
        Path resultFile = dir.resolve(RunDirectory.RESULT);
        for (Path p : List.of(configFile, resultFile)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(dir + ": not a complete run directory (missing " + p.getFileName()
                        + "; ensemble directories are not supported yet)");
            }
        }
        ExperimentConfig config = ConfigLoader.load(configFile, List.of()).config();
        JsonNode result = json(resultFile, Files.readString(resultFile));
        List<String> notes = new ArrayList<>();
        HolographicNetwork network = Experiment.network(config.model);
        double[] params = params(network, result, notes);
        List<JsonNode> history = history(dir.resolve(RunDirectory.METRICS), notes);
        double[] sensitivity = sensitivity(result, network.grid().layers(), notes);
        return new RunData(dir, config, network, params, result, history, notes, sensitivity);
    }

    private static JsonNode json(Path file, String text) {
        try {
            JsonNode n = ConfigLoader.mapper().readTree(text);
            if (n == null || !n.isObject()) {
                throw new ConfigException(file + ": expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static double[] params(HolographicNetwork network, JsonNode result, List<String> notes) {
        ParameterLayout layout = network.layout();
        double[] p = new double[layout.size()];
        ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
        if (layout.has(ParameterLayout.HORIZON)) {
            p[layout.offsetOf(ParameterLayout.HORIZON)] = number(result, RunResult.HORIZON_COEFFICIENT, notes);
        }
        String weights = RunResult.weightsField(layout);
        JsonNode hs = result.get(weights);
        int bad = 0;
        for (int i = 0; i < h.size(); i++) {
            JsonNode v = hs != null && hs.isArray() ? hs.get(i) : null;
            p[h.offset() + i] = v != null && v.isNumber() ? v.asDouble() : Double.NaN;
            if (!Double.isFinite(p[h.offset() + i])) {
                bad++;
            }
        }
        if (hs == null || !hs.isArray() || hs.size() != h.size()) {
            notes.add("result.json: " + weights + " is not an array of " + h.size() + " numbers (one per layer); missing values are NaN");
        } else if (bad > 0) {
            notes.add("result.json: " + bad + " of " + h.size() + " " + weights + " values are not finite (null): a diverged run?");
        }
        if (layout.has(ParameterLayout.RADIUS)) {
            p[layout.offsetOf(ParameterLayout.RADIUS)] = number(result, "L_GeV_inv", notes);
        }
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = number(result, "lambda", notes);
        return p;
    }

    /** result.json's sensitivity per layer (a null or non-number entry becomes NaN), or null when absent. */
    private static double[] sensitivity(JsonNode result, int layers, List<String> notes) {
        JsonNode g = result.get("sensitivity");
        if (g == null) {
            notes.add("result.json has no sensitivity profile (a run from before it was recorded): the h resolution"
                    + " is neither exported nor drawn; re-run with holo reproduce to get it");
            return null;
        }
        double[] v = new double[layers];
        int bad = 0;
        for (int i = 0; i < layers; i++) {
            JsonNode x = g.isArray() ? g.get(i) : null;
            v[i] = x != null && x.isNumber() && x.asDouble() >= 0 ? x.asDouble() : Double.NaN;
            if (Double.isNaN(v[i])) {
                bad++;
            }
        }
        if (!g.isArray() || g.size() != layers) {
            notes.add("result.json: sensitivity is not an array of " + layers + " numbers (one per layer); missing"
                    + " values are NaN");
        } else if (bad > 0) {
            notes.add("result.json: " + bad + " of " + layers + " sensitivity values are not finite non-negative numbers;"
                    + " exported as NaN");
        }
        return v;
    }

    private static double number(JsonNode result, String field, List<String> notes) {
        JsonNode n = result.get(field);
        if (n != null && n.isNumber()) {
            return n.asDouble();
        }
        notes.add("result.json: " + field + " is " + (n == null ? "missing" : n.toString()) + "; exported as NaN");
        return Double.NaN;
    }

    private static List<JsonNode> history(Path file, List<String> notes) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            notes.add(file.getFileName() + " is missing: no training history to export or plot");
            return lines;
        }
        int lineNo = 0;
        int skipped = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = ConfigLoader.mapper().readTree(line);
                if (n != null && n.isObject()) {
                    lines.add(n);
                    continue;
                }
            } catch (JsonProcessingException e) {
                // counted below
            }
            if (skipped++ == 0) {
                notes.add(file.getFileName() + " line " + lineNo + ": not a JSON object, skipped");
            }
        }
        if (skipped > 1) {
            notes.add(file.getFileName() + ": " + skipped + " lines skipped in all");
        }
        return lines;
    }

    /** h_0 … h_{N−1}, boundary → horizon. */
    public double[] h() {
        return network.metricAtLayers(params);
    }

    public double[] eta() {
        return network.grid().layerEtas();
    }

    public boolean hasRadius() {
        return network.layout().has(ParameterLayout.RADIUS);
    }

    public double radius() {
        return network.radius(params);
    }

    public double lambda() {
        return network.lambda(params);
    }

    public boolean converged() {
        JsonNode c = result.get("converged");
        return c != null && c.asBoolean();
    }

    /** Why the run is not converged (result.json's reason), or null. */
    public String reason() {
        JsonNode r = result.get("reason");
        return r == null || r.isNull() ? null : r.asText();
    }
}
