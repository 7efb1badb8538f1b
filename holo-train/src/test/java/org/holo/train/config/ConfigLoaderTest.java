package org.holo.train.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.holo.train.TestSupport;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict config reading: every mistake is a ConfigException naming the file and the dotted field path. */
class ConfigLoaderTest {

    @TempDir
    Path tmp;

    /** The QCD experiment with one edit of its JSON tree, written to tmp/name. */
    private Path qcdWith(String name, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode tree = (ObjectNode) ConfigLoader.mapper().readTree(Files.readString(TestSupport.qcdConfig()));
        ((ObjectNode) tree.get("data")).put("dataset", TestSupport.latticeCsv().toString());
        edit.accept(tree);
        Path file = tmp.resolve(name);
        Files.writeString(file, ConfigLoader.mapper().writeValueAsString(tree));
        return file;
    }

    private static ConfigException rejects(Path file, String... overrides) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(overrides)));
    }

    @Test
    void shippedExperimentsLoad() {
        ConfigLoader.Loaded q = TestSupport.load(TestSupport.qcdConfig());
        assertEquals("hstt2018-qcd", q.config().name);
        assertEquals(15, q.config().model.grid.layers);
        assertEquals(1.0 / 15.0, q.config().model.grid.etaFin, 1e-16);
        assertEquals(5000, q.config().training.epochs);
        DataConfig.Band band = assertInstanceOf(DataConfig.Band.class, q.config().data);
        // the relative dataset path is resolved against the config's directory
        assertEquals(TestSupport.latticeCsv().normalize().toString(), band.dataset);
        assertTrue(Path.of(band.dataset).isAbsolute());
        assertEquals(TestSupport.qcdConfig().getParent(), q.baseDir());

        ConfigLoader.Loaded a = TestSupport.load(TestSupport.adsConfig());
        DataConfig.FromMetric m = assertInstanceOf(DataConfig.FromMetric.class, a.config().data);
        assertEquals("ads-schwarzschild", m.metric);
        assertEquals("regular", a.config().model.horizon.type);
        assertFalse(a.config().model.lambda.trainable);
    }

    @Test
    void unknownKeyNamesItsDottedPath() throws Exception {
        Path f = qcdWith("typo.json", t -> ((ObjectNode) t.get("model").get("grid")).put("etaFn", 0.1));
        ConfigException e = rejects(f);
        TestSupport.assertContainsAll(e.getMessage(), f.toString(), "model.grid.etaFn", "unknown field", "etaFin", "etaIni", "layers");

        Path g = qcdWith("typo2.json", t -> ((ObjectNode) t.get("data")).put("datasett", "x.csv"));
        TestSupport.assertContainsAll(rejects(g).getMessage(), "data.datasett", "unknown field");

        Path h = qcdWith("typo3.json", t -> t.put("trainnig", 1));
        TestSupport.assertContainsAll(rejects(h).getMessage(), "trainnig", "unknown field");
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        Path f = qcdWith("type.json", t -> ((ObjectNode) t.get("training")).put("epochs", "five"));
        TestSupport.assertContainsAll(rejects(f).getMessage(), f.toString(), "training.epochs", "wrong type", "integer");
        // no silent coercions: "5" is a string, 2.5 is not an integer
        Path g = qcdWith("type2.json", t -> ((ObjectNode) t.get("training")).put("epochs", "5"));
        TestSupport.assertContainsAll(rejects(g).getMessage(), "training.epochs");
        Path h = qcdWith("type3.json", t -> ((ObjectNode) t.get("training")).put("epochs", 2.5));
        TestSupport.assertContainsAll(rejects(h).getMessage(), "training.epochs");
        Path i = qcdWith("type4.json", t -> ((ObjectNode) t.get("model").get("boundary")).put("trainRadius", "yes"));
        TestSupport.assertContainsAll(rejects(i).getMessage(), "model.boundary.trainRadius");
        Path j = qcdWith("type5.json", t -> ((ObjectNode) t.get("training")).putNull("learningRate"));
        TestSupport.assertContainsAll(rejects(j).getMessage(), "training.learningRate");
    }

    @Test
    void etaFinMustBeBelowEtaIni() throws Exception {
        Path f = qcdWith("eta.json", t -> ((ObjectNode) t.get("model").get("grid")).put("etaFin", 1.0));
        TestSupport.assertContainsAll(rejects(f).getMessage(), f.toString(), "model.grid.etaFin", "smaller than model.grid.etaIni");
        Path g = qcdWith("eta2.json", t -> ((ObjectNode) t.get("model").get("grid")).put("etaFin", 2.0));
        TestSupport.assertContainsAll(rejects(g).getMessage(), "model.grid.etaFin");
        // the regular horizon divides by eta_fin
        ConfigException e = rejects(TestSupport.adsConfig(), "model.grid.etaFin=-0.5");
        TestSupport.assertContainsAll(e.getMessage(), "model.grid.etaFin", "positive");
    }

    @Test
    void unknownNamesListTheAllowedValues() throws Exception {
        Path f = qcdWith("scheme.json", t -> ((ObjectNode) t.get("model")).put("scheme", "rk5"));
        TestSupport.assertContainsAll(rejects(f).getMessage(), "model.scheme", "rk5", "euler", "rk4");
        TestSupport.assertContainsAll(rejects(TestSupport.qcdConfig(), "model.horizon=flat").getMessage(),
                "model.horizon", "pi", "regular");
        TestSupport.assertContainsAll(rejects(TestSupport.qcdConfig(), "training.loss=l2").getMessage(),
                "training.loss", "l1-squared", "mse");
        TestSupport.assertContainsAll(rejects(TestSupport.qcdConfig(), "data.source=lattice").getMessage(),
                "data", "lattice", "band", "metric", "csv");
        TestSupport.assertContainsAll(rejects(TestSupport.qcdConfig(), "model.metricInit.type=uniform").getMessage(),
                "model.metricInit.type");
    }

    @Test
    void valueChecksNameTheirField() {
        Path q = TestSupport.qcdConfig();
        TestSupport.assertContainsAll(rejects(q, "training.batchSize=0").getMessage(), "training.batchSize");
        TestSupport.assertContainsAll(rejects(q, "training.learningRate=-1").getMessage(), "training.learningRate");
        TestSupport.assertContainsAll(rejects(q, "training.beta1=1").getMessage(), "training.beta1");
        TestSupport.assertContainsAll(rejects(q, "training.epochs=-1").getMessage(), "training.epochs");
        TestSupport.assertContainsAll(rejects(q, "data.mqRange_GeV=[0.02, 0.01]").getMessage(), "data.mqRange_GeV");
        TestSupport.assertContainsAll(rejects(q, "data.condensateRange_GeV3=[-0.1, 0.1]").getMessage(), "data.condensateRange_GeV3");
        TestSupport.assertContainsAll(rejects(q, "data.noiseStd_GeV3=0").getMessage(), "data.noiseStd_GeV3");
        TestSupport.assertContainsAll(rejects(q, "data.positives=0").getMessage(), "data.positives");
        TestSupport.assertContainsAll(rejects(q, "model.grid.layers=0").getMessage(), "model.grid.layers");
        TestSupport.assertContainsAll(rejects(q, "model.metricInit.std=-1").getMessage(), "model.metricInit.std");
        TestSupport.assertContainsAll(rejects(q, "name=my run").getMessage(), "name");
        // band data need the QCD input layer
        TestSupport.assertContainsAll(rejects(q, "model.boundary.type=raw").getMessage(), "data.source", "qcd");
    }

    @Test
    void overridesChangeNumbersStringsAndNestedFields() {
        ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), "training.epochs=7", "training.learningRate=2.5e-4",
                "model.scheme=rk4", "model.grid.layers=20", "model.boundary.trainRadius=false", "model.lambda.initial=0.5",
                "data.mqRange_GeV=[0.0, 0.01]", "training.seed=123456789012", "name=2018-run", "description=a b c");
        ExperimentConfig c = l.config();
        assertEquals(7, c.training.epochs);
        assertEquals(2.5e-4, c.training.learningRate, 0.0);
        assertEquals("rk4", c.model.scheme.type);
        assertEquals(20, c.model.grid.layers);
        assertEquals(false, c.model.boundary.fields().get("trainRadius").booleanValue());
        assertEquals(0.5, c.model.lambda.initial, 0.0);
        assertArrayEquals(new double[] {0.0, 0.01}, ((DataConfig.Band) c.data).mqRange_GeV, 0.0);
        assertEquals(123456789012L, c.training.seed);
        assertEquals("2018-run", c.name, "a value that only starts like a number stays a string");
        assertEquals("a b c", c.description);
        // untouched fields keep the file's values
        assertEquals(100, c.training.batchSize);
        assertEquals(1.0, c.model.grid.etaIni, 0.0);
        // the last override of a key wins
        assertEquals(9, TestSupport.load(TestSupport.qcdConfig(), "training.epochs=3", "training.epochs=9").config().training.epochs);
        // spaces around key and value are ignored
        assertEquals(4, TestSupport.load(TestSupport.qcdConfig(), " training.epochs = 4 ").config().training.epochs);
    }

    @Test
    void badOverridesAreRejected() {
        Path q = TestSupport.qcdConfig();
        TestSupport.assertContainsAll(rejects(q, "training.epochz=3").getMessage(), "training.epochz", "unknown field");
        TestSupport.assertContainsAll(rejects(q, "nosuch.section=1").getMessage(), "nosuch", "unknown field");
        TestSupport.assertContainsAll(rejects(q, "training.epochs=abc").getMessage(), "training.epochs", "wrong type");
        TestSupport.assertContainsAll(rejects(q, "training.epochs").getMessage(), "key=value");
        TestSupport.assertContainsAll(rejects(q, "=5").getMessage(), "key=value");
        TestSupport.assertContainsAll(rejects(q, "training..epochs=5").getMessage(), "empty path segment");
        TestSupport.assertContainsAll(rejects(q, "training.epochs.x=5").getMessage(), "training.epochs", "not a section");
        // switching the polymorphic data source by --set leaves the band fields behind: rejected, naming one
        TestSupport.assertContainsAll(rejects(q, "data.source=csv", "data.file=x.csv").getMessage(), "data.", "unknown field");
    }

    @Test
    void applyOverrideEditsTheTree() throws Exception {
        ObjectNode root = (ObjectNode) ConfigLoader.mapper().readTree("{\"a\": {\"b\": 1}}");
        ConfigLoader.applyOverride(root, "a.b=2");
        ConfigLoader.applyOverride(root, "a.c=\"text\"");
        ConfigLoader.applyOverride(root, "x.y.z=true");
        ConfigLoader.applyOverride(root, "w=[1, 2]");
        ConfigLoader.applyOverride(root, "s=../data/file.csv");
        assertEquals(2, root.get("a").get("b").intValue());
        assertEquals("text", root.get("a").get("c").textValue());
        assertTrue(root.get("x").get("y").get("z").booleanValue());
        assertEquals(2, root.get("w").size());
        assertEquals("../data/file.csv", root.get("s").textValue());
    }

    @Test
    void badFilesAreRejected() throws Exception {
        Path missing = tmp.resolve("nope.json");
        TestSupport.assertContainsAll(rejects(missing).getMessage(), missing.toString(), "no such file");

        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\n  \"name\": \"x\",\n  \"training\": { \"epochs\": 3, }\n}\n");
        TestSupport.assertContainsAll(rejects(broken).getMessage(), broken.toString(), "not valid JSON", "line 3");

        Path dup = tmp.resolve("dup.json");
        Files.writeString(dup, "{\"name\": \"a\", \"name\": \"b\"}");
        TestSupport.assertContainsAll(rejects(dup).getMessage(), dup.toString(), "name");

        Path array = tmp.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        TestSupport.assertContainsAll(rejects(array).getMessage(), array.toString(), "JSON object");

        Path empty = tmp.resolve("empty.json");
        Files.writeString(empty, "");
        TestSupport.assertContainsAll(rejects(empty).getMessage(), empty.toString());

        Path trailing = tmp.resolve("trailing.json");
        Files.writeString(trailing, "{} {}");
        TestSupport.assertContainsAll(rejects(trailing).getMessage(), trailing.toString());
    }

    @Test
    void emptyObjectGivesTheDefaults() throws Exception {
        Path f = tmp.resolve("defaults.json");
        Files.writeString(f, "{}");
        ExperimentConfig c = ConfigLoader.load(f, List.of()).config();
        assertEquals("experiment", c.name);
        assertEquals(4, c.model.dimension);
        assertEquals(-3.0, c.model.massSquared, 0.0);
        assertEquals(15, c.model.grid.layers);
        assertInstanceOf(DataConfig.Band.class, c.data);
        assertEquals(tmp.resolve("../datasets/lattice-chiral-condensate.csv").normalize().toString(),
                ((DataConfig.Band) c.data).dataset);
        assertEquals(5000, c.training.epochs);
        assertEquals(1e-3, c.training.learningRate, 0.0);
    }

    @Test
    void resolvedConfigRoundTripsAndReproducesTheRun() throws Exception {
        String[] small = {"training.epochs=2", "data.positives=400", "data.negatives=400", "training.seed=11"};
        ConfigLoader.Loaded first = TestSupport.load(TestSupport.qcdConfig(), small);
        String json = ConfigLoader.toJson(first.config());
        JsonNode tree = ConfigLoader.mapper().readTree(json);
        assertEquals("band", tree.get("data").get("source").textValue(), "the data source is written out");
        assertEquals(2, tree.get("training").get("epochs").intValue());

        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/deeper"));
        Path copy = elsewhere.resolve("resolved.json");
        Files.writeString(copy, json);
        ConfigLoader.Loaded second = ConfigLoader.load(copy, List.of());
        assertEquals(json, ConfigLoader.toJson(second.config()), "load(toJson(c)) must give c back");

        Path runA = tmp.resolve("a");
        Path runB = tmp.resolve("b");
        TrainingRun.execute(first.config(), first.baseDir(), runA, null);
        TrainingRun.execute(second.config(), second.baseDir(), runB, null);
        assertArrayEquals(Files.readAllBytes(runA.resolve(RunDirectory.METRIC)), Files.readAllBytes(runB.resolve(RunDirectory.METRIC)));
        assertArrayEquals(Files.readAllBytes(runA.resolve(RunDirectory.METRICS)), Files.readAllBytes(runB.resolve(RunDirectory.METRICS)));
        // and the run directory's own config.json is that same resolved config
        assertEquals(json, Files.readString(runA.resolve(RunDirectory.CONFIG)));
        ConfigLoader.Loaded third = ConfigLoader.load(runA.resolve(RunDirectory.CONFIG), List.of());
        assertEquals(json, ConfigLoader.toJson(third.config()));
    }

    @Test
    void metricAndCsvSectionsRoundTrip() throws Exception {
        ConfigLoader.Loaded a = TestSupport.load(TestSupport.adsConfig());
        String json = ConfigLoader.toJson(a.config());
        Path copy = tmp.resolve("ads.json");
        Files.writeString(copy, json);
        assertEquals(json, ConfigLoader.toJson(ConfigLoader.load(copy, List.of()).config()));

        Path csvConfig = tmp.resolve("csv.json");
        Files.writeString(csvConfig, "{\"name\": \"c\", \"data\": {\"source\": \"csv\", \"file\": \"sub/data.csv\"}}");
        ExperimentConfig c = ConfigLoader.load(csvConfig, List.of()).config();
        DataConfig.Csv csv = assertInstanceOf(DataConfig.Csv.class, c.data);
        assertEquals(tmp.resolve("sub/data.csv").toString(), csv.file);
        Path copy2 = tmp.resolve("other/csv2.json");
        Files.createDirectories(copy2.getParent());
        Files.writeString(copy2, ConfigLoader.toJson(c));
        assertEquals(tmp.resolve("sub/data.csv").toString(), ((DataConfig.Csv) ConfigLoader.load(copy2, List.of()).config().data).file,
                "an absolute path stays put when the config moves");
    }
}
