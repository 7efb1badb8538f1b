package org.holo.train.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.holo.train.config.ConfigLoader;
import org.holo.train.random.SeedStreams;
import org.holo.train.run.Provenance;
import org.holo.train.run.Reproduction;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce: a fresh run re-runs identically; a tampered one shows a field-level diff; provenance is complete. */
class ReproduceTest {

    static final Path ADS = Paths.get("../experiments/hstt2018-ads-schwarzschild.json");
    static final List<String> SHORT = List.of("data.positives=300", "data.negatives=300", "training.epochs=3", "training.seed=11");

    private Path run(Path dir) throws Exception {
        ConfigLoader.Loaded loaded = ConfigLoader.load(ADS, SHORT);
        TrainingRun.execute(loaded.config(), loaded.baseDir(), dir, null);
        return dir;
    }

    @Test
    void aFreshRunReproducesIdentically(@TempDir Path tmp) throws Exception {
        Path original = run(tmp.resolve("a"));
        Reproduction.rerun(original, tmp.resolve("b"));
        assertEquals(List.of(), Reproduction.diff(original, tmp.resolve("b")));
        assertEquals(List.of(), Reproduction.changedInputs(original));
    }

    @Test
    void aTamperedRunShowsWhichFieldsDiffer(@TempDir Path tmp) throws Exception {
        Path original = run(tmp.resolve("a"));
        Path result = original.resolve("result.json");
        JsonNode r = ConfigLoader.mapper().readTree(result.toFile());
        double h3 = r.get("h").get(3).asDouble();
        ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("h")).set(3, h3 + 1e-9); // this field alone, not its parameter block
        Files.writeString(result, r.toString());
        Reproduction.rerun(original, tmp.resolve("b"));
        List<String> diffs = Reproduction.diff(original, tmp.resolve("b"));
        assertEquals(1, diffs.size(), diffs.toString());
        assertTrue(diffs.get(0).startsWith("result.h[3]:"), diffs.toString());
    }

    /** A run from before the sensitivity profile (metric.csv eta,h; no profile in result.json) still reproduces. */
    @Test
    void aRunWithoutTheSensitivityProfileStillReproduces(@TempDir Path tmp) throws Exception {
        Path original = run(tmp.resolve("a"));
        ObjectNode r = (ObjectNode) ConfigLoader.mapper().readTree(original.resolve("result.json").toFile());
        r.remove(List.of("sensitivity", "h_conditional_resolution", "sensitivity_definition"));
        Files.writeString(original.resolve("result.json"), ConfigLoader.mapper().writeValueAsString(r) + "\n");
        StringBuilder old = new StringBuilder();
        for (String line : Files.readAllLines(original.resolve("metric.csv"))) {
            String[] f = line.split(",");
            old.append(f[0]).append(',').append(f[1]).append('\n');
        }
        Files.writeString(original.resolve("metric.csv"), old.toString());
        Reproduction.rerun(original, tmp.resolve("b"));
        assertEquals(List.of(), Reproduction.diff(original, tmp.resolve("b")));

        // but h itself is still compared
        Files.writeString(original.resolve("metric.csv"), old.toString().replaceFirst("\n([^,]+),[^\n]+", "\n$1,0.5"));
        List<String> diffs = Reproduction.diff(original, tmp.resolve("b"));
        assertEquals(1, diffs.size(), diffs.toString());
        assertTrue(diffs.get(0).startsWith("metric.csv: contents differ (first at line 2"), diffs.toString());
    }

    /** A run that wrote δh under its old name h_resolution reproduces, its values compared under the new name. */
    @Test
    void aRunWithTheOldResolutionNameReproducesAndIsStillCompared(@TempDir Path tmp) throws Exception {
        Path original = run(tmp.resolve("a"));
        ObjectNode r = (ObjectNode) ConfigLoader.mapper().readTree(original.resolve("result.json").toFile());
        r.set("h_resolution", r.remove("h_conditional_resolution"));
        r.put("sensitivity_definition", "the old wording");
        Files.writeString(original.resolve("result.json"), ConfigLoader.mapper().writeValueAsString(r) + "\n");
        String csv = Files.readString(original.resolve("metric.csv"));
        assertTrue(csv.startsWith("eta,h,sensitivity,h_conditional_resolution\n"), csv);
        Files.writeString(original.resolve("metric.csv"), csv.replaceFirst("h_conditional_resolution", "h_resolution"));
        Reproduction.rerun(original, tmp.resolve("b"));
        assertEquals(List.of(), Reproduction.diff(original, tmp.resolve("b")));

        ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("h_resolution")).set(2, 123.0);
        Files.writeString(original.resolve("result.json"), ConfigLoader.mapper().writeValueAsString(r) + "\n");
        List<String> diffs = Reproduction.diff(original, tmp.resolve("b"));
        assertEquals(1, diffs.size(), diffs.toString());
        assertTrue(diffs.get(0).startsWith("result.h_conditional_resolution[2]: 123.0 ->"), diffs.toString());
    }

    @Test
    void provenanceRecordsSeedsVersionsAndInputs(@TempDir Path tmp) throws Exception {
        Path qcdRun = tmp.resolve("q");
        ConfigLoader.Loaded loaded = ConfigLoader.load(Paths.get("../experiments/hstt2018-qcd.json"),
                List.of("data.positives=200", "data.negatives=200", "training.epochs=1", "training.seed=5"));
        TrainingRun.execute(loaded.config(), loaded.baseDir(), qcdRun, null);
        JsonNode p = ConfigLoader.mapper().readTree(qcdRun.resolve(Provenance.FILE).toFile());
        assertEquals(5, p.get("seed").asLong());
        SeedStreams streams = new SeedStreams(5);
        for (String s : List.of(SeedStreams.DATA, SeedStreams.INIT, SeedStreams.SHUFFLE)) {
            assertEquals(streams.streamSeed(s), p.get("stream_seeds").get(s).asLong(), s);
        }
        Path dataset = Paths.get("../datasets/lattice-chiral-condensate.csv").toAbsolutePath().normalize();
        JsonNode input = p.get("input_files").get(0);
        assertEquals(dataset.toString(), input.get("path").asText());
        // independent hash of the file
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dataset)));
        assertEquals(sha, input.get("sha256").asText());
        for (String key : List.of("holo_version", "versions", "machine", "backend", "device", "dtype", "started_at",
                "finished_at", "steps", "config", "training_data_sha256")) {
            assertTrue(p.has(key), "provenance lacks " + key);
        }
        assertEquals("float64", p.get("dtype").asText());
        assertEquals(p.get("config"), ConfigLoader.mapper().readTree(qcdRun.resolve("config.json").toFile()));
        assertEquals(4, p.get("steps").asLong()); // 400 points in batches of 100, one epoch
    }
}
