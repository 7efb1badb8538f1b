package org.holo.train.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.data.DataFormatException;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;

/**
 * A finished run directory read back: the resolved config, the network, the trained parameters, result.json and
 * the training history. One reader, two {@link Mode}s: {@link Mode#STRICT} (observables, which need every learned
 * value) refuses a missing or non-numeric h, c, L or λ; {@link Mode#LENIENT} (exports and plots, which must work
 * for a diverged run) reads such a value as NaN and says so in {@link #notes()}. In both modes a missing config.json
 * or result.json is an error, a bad line of metrics.jsonl is skipped with a note, and a run written before result.json
 * recorded the sensitivity profile ({@link ResultFields#ADDED_LATER}) reads with {@code sensitivity} null and a note.
 */
public record FinishedRun(Path dir, ExperimentConfig config, HolographicNetwork network, double[] params, JsonNode result,
                          double[] sensitivity, List<JsonNode> history, List<String> notes) {

    /** What a value that cannot be read is: an error, or NaN with a note. */
    public enum Mode { STRICT, LENIENT }

    /** Reads {@code dir} strictly: every learned value must be there. */
    public static FinishedRun read(Path dir) throws IOException {
        return read(dir, Mode.STRICT);
    }

    /** Reads {@code dir} as far as it goes: unreadable values become NaN, each with a note. */
    public static FinishedRun readLenient(Path dir) throws IOException {
        return read(dir, Mode.LENIENT);
    }

    public static FinishedRun read(Path dir, Mode mode) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a run directory (no such directory)");
        }
        Path configFile = dir.resolve(RunDirectory.CONFIG);
        Path resultFile = dir.resolve(RunDirectory.RESULT);
        for (Path p : List.of(configFile, resultFile)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(dir + ": not a complete run directory (missing " + p.getFileName() + ")");
            }
        }
        ExperimentConfig config = ConfigLoader.load(configFile, List.of()).config();
        JsonNode result = object(resultFile);
        Values values = new Values(mode, resultFile, new ArrayList<>());
        HolographicNetwork network = Experiment.network(config.model);
        double[] params = params(network, result, values);
        List<JsonNode> history = history(dir.resolve(RunDirectory.METRICS), values.notes);
        double[] sensitivity = sensitivity(result, network.grid().layers(), values.notes);
        return new FinishedRun(dir, config, network, params, result, sensitivity, List.copyOf(history), List.copyOf(values.notes));
    }

    /** How unreadable values are handled, and the notes of the lenient mode. */
    private record Values(Mode mode, Path file, List<String> notes) {

        double number(JsonNode result, String field) {
            JsonNode n = result.get(field);
            if (n != null && n.isNumber()) {
                return n.asDouble();
            }
            String found = n == null ? "nothing" : n.toString();
            if (mode == Mode.STRICT) {
                throw new DataFormatException(file.toString(), 0, field + ": expected a number, found " + found);
            }
            notes.add(RunDirectory.RESULT + ": " + field + " is " + (n == null ? "missing" : n.toString()) + "; exported as NaN");
            return Double.NaN;
        }

        /** The per-layer weights; non-numbers are NaN (lenient) or an error (strict). */
        double[] layers(JsonNode result, String field, int size) {
            return block(result, field, field, size);
        }

        /** An array {@code key} of {@code parent}, named {@code field} in messages. */
        double[] block(JsonNode parent, String field, String key, int size) {
            JsonNode a = parent.get(key);
            boolean shaped = a != null && a.isArray() && a.size() == size;
            if (!shaped && mode == Mode.STRICT) {
                throw new DataFormatException(file.toString(), 0, field + ": expected an array of " + size + " numbers (one per layer)");
            }
            double[] v = new double[size];
            int bad = 0;
            for (int i = 0; i < size; i++) {
                JsonNode x = a != null && a.isArray() ? a.get(i) : null;
                if (x == null || !x.isNumber()) {
                    if (mode == Mode.STRICT) {
                        throw new DataFormatException(file.toString(), 0, field + "[" + i + "]: expected a number, found "
                                + (x == null ? "nothing" : x.toString()));
                    }
                    v[i] = Double.NaN;
                } else {
                    v[i] = x.asDouble();
                }
                if (!Double.isFinite(v[i])) {
                    bad++;
                }
            }
            if (!shaped) {
                notes.add(RunDirectory.RESULT + ": " + field + " is not an array of " + size
                        + " numbers (one per layer); missing values are NaN");
            } else if (bad > 0) {
                notes.add(RunDirectory.RESULT + ": " + bad + " of " + size + " " + field
                        + " values are not finite (null): a diverged run?");
            }
            return v;
        }
    }

    private static JsonNode object(Path file) throws IOException {
        try {
            JsonNode n = ConfigLoader.mapper().readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                throw new DataFormatException(file.toString(), 0, "expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file.toString(), 0, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static double[] params(HolographicNetwork network, JsonNode result, Values values) {
        ParameterLayout layout = network.layout();
        double[] p = new double[layout.size()];
        if (layout.has(ParameterLayout.HORIZON)) {
            p[layout.offsetOf(ParameterLayout.HORIZON)] = values.number(result, ResultFields.HORIZON_COEFFICIENT);
        }
        if (layout.has(ParameterLayout.METRIC)) {
            ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
            double[] weights = values.layers(result, RunResult.weightsField(layout), h.size());
            System.arraycopy(weights, 0, p, h.offset(), h.size());
        } else {
            JsonNode blocks = result.path(ResultFields.METRIC_PARAMETERS);
            for (ParameterLayout.Block b : RunResult.metricBlocks(network)) {
                double[] v = values.block(blocks, ResultFields.METRIC_PARAMETERS + "." + b.name(), b.name(), b.size());
                System.arraycopy(v, 0, p, b.offset(), b.size());
            }
        }
        if (layout.has(ParameterLayout.RADIUS)) {
            p[layout.offsetOf(ParameterLayout.RADIUS)] = values.number(result, ResultFields.RADIUS);
        }
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = values.number(result, ResultFields.LAMBDA);
        return p;
    }

    /** result.json's sensitivity per layer (a null or non-number entry becomes NaN), or null when absent. */
    private static double[] sensitivity(JsonNode result, int layers, List<String> notes) {
        JsonNode g = result.get(ResultFields.SENSITIVITY);
        if (g == null) {
            notes.add(RunDirectory.RESULT + " has no sensitivity profile (a run from before it was recorded): the h resolution"
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
            notes.add(RunDirectory.RESULT + ": sensitivity is not an array of " + layers + " numbers (one per layer); missing"
                    + " values are NaN");
        } else if (bad > 0) {
            notes.add(RunDirectory.RESULT + ": " + bad + " of " + layers + " sensitivity values are not finite non-negative"
                    + " numbers; exported as NaN");
        }
        return v;
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

    /** The AdS radius L in GeV⁻¹, or NaN when the run has none. */
    public double radius() {
        return network.radius(params);
    }

    public double lambda() {
        return network.lambda(params);
    }

    public boolean converged() {
        JsonNode c = result.get(ResultFields.CONVERGED);
        return c != null && c.asBoolean();
    }

    /** Why the run is not converged (result.json's reason), or null. */
    public String reason() {
        JsonNode r = result.get(ResultFields.REASON);
        return r == null || r.isNull() ? null : r.asText();
    }
}
