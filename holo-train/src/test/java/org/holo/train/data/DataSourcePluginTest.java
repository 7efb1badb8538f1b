package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.DataConfig;
import org.holo.train.run.Provenance;
import org.holo.train.run.Reproduction;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data source added without an edit to Holo: {@link DiscSimulationSource} is listed only in this module's test
 * resources (META-INF/services), and a config that names it loads, trains and reproduces.
 */
class DataSourcePluginTest {

    @TempDir
    Path tmp;

    /** The (φ, π) "simulation output": a 7 × 7 grid over [-0.6, 0.6]², of which 21 points (r < 0.5) are positive. */
    private Path simulation() throws Exception {
        StringBuilder csv = new StringBuilder("phi,pi\n");
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                csv.append(-0.6 + 0.2 * i).append(',').append(-0.6 + 0.2 * j).append('\n');
            }
        }
        Path f = tmp.resolve("sim").resolve("points.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, csv);
        return f;
    }

    /** The AdS-Schwarzschild experiment with its data section replaced, written next to the simulation output. */
    private Path config(String data) throws Exception {
        simulation();
        ObjectNode tree = (ObjectNode) ConfigLoader.mapper().readTree(Files.readString(TestSupport.adsConfig()));
        tree.set("data", ConfigLoader.mapper().readTree(data));
        ObjectNode training = (ObjectNode) tree.get("training");
        training.put("epochs", 3);
        training.put("batchSize", 7);
        Path c = tmp.resolve("plugin-data.json");
        Files.writeString(c, tree.toString());
        return c;
    }

    @Test
    void theRegistryListsThePluginNextToTheBuiltIns() {
        assertEquals(List.of("band", "csv", "metric", "test-disc"), DataSources.registry().names());
        assertEquals(List.of("band", "metric", "csv", "test-disc"), DataSources.names(), "the built-ins first, as documented");
    }

    @Test
    void aConfigNamingThePluginTrainsOnItsDataAndReproduces() throws Exception {
        Path config = config("{\"source\": \"test-disc\", \"points\": \"sim/points.csv\"}");
        ConfigLoader.Loaded loaded = ConfigLoader.load(config, List.of());
        DataConfig.Section section = assertInstanceOf(DataConfig.Section.class, loaded.config().data);
        // the default the source read is recorded, and its file made absolute, for the run directory's config
        assertEquals(0.5, section.fields().get("radius").doubleValue(), 0.0);
        assertEquals(tmp.resolve("sim/points.csv").toString(), section.fields().get("points").textValue());

        Experiment e = Experiment.build(loaded.config(), loaded.baseDir());
        LabelledData d = e.data();
        assertEquals(49, d.size());
        int inside = 0;
        for (int i = 0; i < d.size(); i++) {
            double r2 = d.x0(i) * d.x0(i) + d.x1(i) * d.x1(i);
            assertEquals(r2 < 0.25 ? 0.0 : 1.0, d.label(i), "point " + i);
            inside += r2 < 0.25 ? 1 : 0;
        }
        assertEquals(21, inside, "grid points with phi^2 + pi^2 < 0.25, counted by hand");
        assertEquals(21, d.positives());
        assertEquals(List.of(tmp.resolve("sim/points.csv")), e.inputFiles());

        Path run = tmp.resolve("run");
        TrainingRun.execute(loaded.config(), loaded.baseDir(), run, null);
        JsonNode written = ConfigLoader.mapper().readTree(Files.readString(run.resolve(RunDirectory.CONFIG))).get("data");
        assertEquals("test-disc", written.get("source").textValue());
        assertEquals(0.5, written.get("radius").doubleValue(), 0.0);
        JsonNode provenance = ConfigLoader.mapper().readTree(Files.readString(run.resolve(Provenance.FILE)));
        assertTrue(provenance.toString().contains(Provenance.sha256(tmp.resolve("sim/points.csv"))),
                "provenance hashes the simulation file: " + provenance);

        Path again = tmp.resolve("again");
        Reproduction.rerun(run, again);
        assertEquals(List.of(), Reproduction.diff(run, again));
    }

    @Test
    void theSourceRejectsAnUnknownFieldWithItsPath() throws Exception {
        Path config = config("{\"source\": \"test-disc\", \"points\": \"sim/points.csv\", \"radus\": 0.4}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, List.of()));
        TestSupport.assertContainsAll(e.getMessage(), "data.radus: unknown field (known fields here: points, radius)");
        ConfigException bad = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(config(("{\"source\": \"test-disc\", \"points\": \"sim/points.csv\", \"radius\": -1}")), List.of()));
        TestSupport.assertContainsAll(bad.getMessage(), "data.radius: must be > 0, got -1.0");
    }

    @Test
    void anUnknownSourceNamesTheRegisteredOnes() throws Exception {
        Path config = config("{\"source\": \"lattice\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, List.of()));
        TestSupport.assertContainsAll(e.getMessage(), "data.source: unknown data source 'lattice' (known: band, metric, csv, test-disc)");
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(config("{\"file\": \"x.csv\"}"), List.of()));
        TestSupport.assertContainsAll(missing.getMessage(), "data.source: is missing (expected one of band, metric, csv, test-disc)");
    }
}
