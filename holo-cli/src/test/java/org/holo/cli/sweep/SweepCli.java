package org.holo.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.cli.Cli;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.Reproduction;

/** A tiny study for the sweep tests: seeds x data set, one data set missing until the test provides it. */
final class SweepCli {

    static final String[] TINY = {"training.epochs=2", "data.positives=300", "data.negatives=300"};

    private SweepCli() {
    }

    static Path lattice() {
        return Cli.projectRoot().resolve("datasets/lattice-chiral-condensate.csv");
    }

    /** A spec over seeds 1..2 and two data sets, the second of which ({@code late}) does not exist yet. */
    static Path spec(Path dir, Path late) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"name\": \"tiny\", \"base\": \"" + Cli.qcd() + "\",\n"
                + " \"set\": {\"training.epochs\": 2, \"data.positives\": 300, \"data.negatives\": 300},\n"
                + " \"axes\": [{\"name\": \"dataset\", \"path\": \"data.dataset\", \"values\": [\"" + lattice() + "\", \"" + late + "\"]},\n"
                + "          {\"name\": \"seed\", \"path\": \"training.seed\", \"values\": \"1..2\"}]}\n");
        return spec;
    }

    /** Asserts that a point's run directory is the one {@code holo train BASE --set ... --no-plots} writes. */
    static void assertSameAsTrain(Path study, int index, Path scratch) throws Exception {
        JsonNode line = ConfigLoader.mapper().readTree(Files.readAllLines(study.resolve("points.jsonl")).get(index));
        List<String> args = new ArrayList<>(List.of("train", Cli.qcd()));
        for (JsonNode o : line.get("overrides")) {
            args.add("--set");
            args.add(o.asText());
        }
        Path direct = scratch.resolve("direct-" + index);
        args.addAll(List.of("--out", direct.toString(), "--quiet", "--no-plots"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        Path point = study.resolve(line.get("dir").asText());
        for (String f : List.of("config.json", "metric.csv", "metrics.jsonl", "checkpoint.json")) {
            assertEquals(Files.readString(direct.resolve(f)), Files.readString(point.resolve(f)), f + " of point " + index);
        }
        assertEquals(List.of(), Reproduction.diff(direct, point), "result.json of point " + index + " (timing aside)");
        try (var s = Files.list(point)) {
            assertEquals(List.of("checkpoint.json", "config.json", "metric.csv", "metrics.jsonl", "modes.csv", "modes.json",
                    "provenance.json", "result.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    static String marker(Path study, int index) throws Exception {
        String label = String.format("%03d", index);
        Path done = study.resolve("markers").resolve(label + ".done");
        Path failed = study.resolve("markers").resolve(label + ".failed");
        return Files.exists(done) ? "done" : Files.exists(failed) ? "failed" : "missing";
    }
}
