package org.holo.cli.observable;

import org.holo.cli.Cli;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code holo} in-process with captured streams, and builds run directories without training. */
final class ObservableCli {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The h of the published 1809.10536 run (physics.md §6.1), with L = 3.85 GeV^-1 and λ = 0.0055. */
    static final double[] PUBLISHED_H = {3.13, 2.39, 1.61, 0.81, 0.06, -0.54, -0.88, -0.77, -0.01, 1.74, 4.98, 10.4, 18.7, 30.8, 47.0};


    private ObservableCli() {
    }



    /** A finished QCD run directory: the experiment's config (dataset path made absolute) and a result with the given h, L, λ. */
    static Path qcdRun(Path dir, double[] h, double radius, double lambda) throws Exception {
        Path root = Cli.projectRoot();
        ObjectNode config = (ObjectNode) JSON.readTree(root.resolve("experiments/hstt2018-qcd.json").toFile());
        ((ObjectNode) config.get("data")).put("dataset", root.resolve("datasets/lattice-chiral-condensate.csv").toString());
        ObjectNode result = JSON.createObjectNode();
        result.put("experiment", "hstt2018-qcd");
        result.put("converged", true);
        result.put("L_GeV_inv", radius);
        result.put("lambda", lambda);
        ArrayNode hs = result.putArray("h");
        for (double v : h) {
            hs.add(v);
        }
        return write(dir, config, result);
    }

    /** A finished raw-boundary run (the AdS4-Schwarzschild experiment) with the exact h = 3 coth(3 eta) at its layers. */
    static Path rawRun(Path dir) throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree(Cli.projectRoot().resolve("experiments/hstt2018-ads-schwarzschild.json").toFile());
        ObjectNode result = JSON.createObjectNode();
        result.put("converged", true);
        result.put("lambda", 1.0);
        ArrayNode hs = result.putArray("h");
        for (int i = 0; i < 10; i++) {
            double eta = 1.0 - 0.09 * i;
            hs.add(3.0 / StrictMath.tanh(3.0 * eta));
        }
        return write(dir, config, result);
    }

    private static Path write(Path dir, ObjectNode config, ObjectNode result) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        Files.writeString(dir.resolve("result.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return dir;
    }
}
