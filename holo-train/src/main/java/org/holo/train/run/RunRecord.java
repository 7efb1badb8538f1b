package org.holo.train.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;

/** A finished run read back from its directory: the resolved config, the network and the trained parameters. */
public record RunRecord(Path dir, ExperimentConfig config, HolographicNetwork network, double[] params, JsonNode result) {

    public static RunRecord read(Path dir) throws IOException {
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
        JsonNode result;
        try {
            result = ConfigLoader.mapper().readTree(Files.readString(resultFile));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(resultFile + ": not valid JSON: " + e.getOriginalMessage());
        }
        HolographicNetwork network = Experiment.network(config.model);
        return new RunRecord(dir, config, network, params(network, result, resultFile), result);
    }

    private static double[] params(HolographicNetwork network, JsonNode result, Path file) {
        ParameterLayout layout = network.layout();
        double[] p = new double[layout.size()];
        ParameterLayout.Block h = layout.block(ParameterLayout.METRIC);
        String weights = RunResult.weightsField(layout);
        JsonNode hs = result.get(weights);
        if (hs == null || !hs.isArray() || hs.size() != h.size()) {
            throw new ConfigException(file + ": " + weights + ": expected an array of " + h.size() + " numbers (one per layer)");
        }
        for (int i = 0; i < h.size(); i++) {
            p[h.offset() + i] = number(hs.get(i), file, weights + "[" + i + "]");
        }
        if (layout.has(ParameterLayout.HORIZON)) {
            p[layout.offsetOf(ParameterLayout.HORIZON)] = number(result.get(RunResult.HORIZON_COEFFICIENT), file,
                    RunResult.HORIZON_COEFFICIENT);
        }
        if (layout.has(ParameterLayout.RADIUS)) {
            p[layout.offsetOf(ParameterLayout.RADIUS)] = number(result.get("L_GeV_inv"), file, "L_GeV_inv");
        }
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = number(result.get("lambda"), file, "lambda");
        return p;
    }

    private static double number(JsonNode n, Path file, String field) {
        if (n == null || !n.isNumber()) {
            throw new ConfigException(file + ": " + field + ": expected a number, found " + (n == null ? "nothing" : n.toString()));
        }
        return n.asDouble();
    }

    /** The AdS radius L in GeV⁻¹, or NaN when the run has none. */
    public double radius() {
        return network.radius(params);
    }

    public boolean converged() {
        JsonNode c = result.get("converged");
        return c != null && c.asBoolean();
    }
}
