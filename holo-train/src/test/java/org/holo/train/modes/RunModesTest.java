package org.holo.train.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.Reproduction;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run writes its metric modes; an older run directory gets the same ones from {@link RunModes#ofRun}. */
class RunModesTest {

    static final Path ADS = Paths.get("../experiments/robust-ads-schwarzschild.json");
    static final List<String> SHORT = List.of("data.positives=300", "data.negatives=300", "training.epochs=3", "training.seed=5");

    private static Path run(Path dir, List<String> overrides) throws Exception {
        ConfigLoader.Loaded loaded = ConfigLoader.load(ADS, overrides);
        TrainingRun.execute(loaded.config(), loaded.baseDir(), dir, null);
        return dir;
    }

    @Test
    void aRunWritesItsModesAndAnOldRunDirectoryGetsTheSameOnes(@TempDir Path tmp) throws Exception {
        Path dir = run(tmp.resolve("a"), SHORT);
        String json = Files.readString(dir.resolve(RunModes.JSON));
        String csv = Files.readString(dir.resolve(RunModes.CSV));
        JsonNode m = ConfigLoader.mapper().readTree(json);
        // h at 10 layers; L (raw boundary: none) and λ (fixed) are not coordinates
        assertEquals(10, m.get("coordinates").size());
        assertEquals(600, m.get("samples").asInt());
        JsonNode ev = m.get("gauss_newton_eigenvalues");
        for (int k = 1; k < ev.size(); k++) {
            assertTrue(ev.get(k).asDouble() <= ev.get(k - 1).asDouble(), "largest first");
        }
        int determined = m.get("determined").asInt();
        assertTrue(determined >= 1 && determined <= 10, "determined " + determined);
        double effective = m.get("effective_parameters").asDouble();
        JsonNode result = ConfigLoader.mapper().readTree(Files.readString(dir.resolve("result.json")));
        assertEquals(determined, result.get("metric_modes_determined").asInt(), "result.json carries the counts");
        assertEquals(effective, result.get("metric_modes_effective_parameters").asDouble(), 0.0);
        assertEquals(m.get("data_rank").asInt(), result.get("metric_modes_data_rank").asInt());
        assertTrue(effective > 0 && effective < 10);
        assertEquals(11, csv.lines().count(), "header and one row per layer");
        assertTrue(csv.startsWith("eta,mode_1,mode_2,"), csv);

        // a run directory from before the modes: the files removed, then made again from the record
        Files.delete(dir.resolve(RunModes.JSON));
        Files.delete(dir.resolve(RunModes.CSV));
        RunModes.OfRun again = RunModes.ofRun(dir);
        RunModes.write(dir, again.modes());
        assertEquals(json, Files.readString(dir.resolve(RunModes.JSON)), "bit-identical to the ones training wrote");
        assertEquals(csv, Files.readString(dir.resolve(RunModes.CSV)));

        // and the independent count agrees
        RunModes.Check check = again.check(1e-5);
        assertEquals(determined, check.determined());
        assertEquals(again.modes().dataRank(), check.dataRank());
        assertEquals(effective, check.effectiveParameters(), 1e-6 * effective);
    }

    @Test
    void reproductionComparesModesWhereBothRunsHaveThem(@TempDir Path tmp) throws Exception {
        Path a = run(tmp.resolve("a"), SHORT);
        Path b = tmp.resolve("b");
        Reproduction.rerun(a, b);
        assertEquals(List.of(), Reproduction.diff(a, b));
        Files.writeString(a.resolve(RunModes.CSV), Files.readString(a.resolve(RunModes.CSV)).replaceFirst("\n1\\.0,", "\n1.0,9"));
        List<String> diffs = Reproduction.diff(a, b);
        assertEquals(1, diffs.size(), diffs.toString());
        assertTrue(diffs.get(0).startsWith("modes.csv: contents differ"), diffs.toString());
        // an old run without them still reproduces
        Files.delete(a.resolve(RunModes.JSON));
        Files.delete(a.resolve(RunModes.CSV));
        assertEquals(List.of(), Reproduction.diff(a, b));
    }

    @Test
    void aRunThatIsNotADirectoryIsNamed(@TempDir Path tmp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunModes.ofRun(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("none") && e.getMessage().contains("not a run directory"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
