package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.holo.core.data.DataFormatException;
import org.holo.core.model.Batch;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run, config to run directory, on shortened schedules. */
class TrainingRunTest {

    /** 2000 + 2050 points in batches of 100: 41 steps per epoch, the last one a half batch. */
    private static final String[] QCD_SHORT = {"training.epochs=3", "data.positives=2000", "data.negatives=2050",
        "training.batchSize=100", "training.learningRate=0.001", "training.seed=1"};

    @TempDir
    Path tmp;

    static JsonNode json(Path file) throws Exception {
        return ConfigLoader.mapper().readTree(Files.readString(file));
    }

    static RunResult run(Path config, Path out, String... overrides) throws Exception {
        ConfigLoader.Loaded l = TestSupport.load(config, overrides);
        return TrainingRun.execute(l.config(), l.baseDir(), out, null);
    }

    private static Set<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void qcdRunWritesTheFourFiles() throws Exception {
        Path out = tmp.resolve("qcd");
        RunResult r = run(TestSupport.qcdConfig(), out, QCD_SHORT);
        Set<String> written = files(out);
        assertTrue(written.containsAll(List.of("config.json", "metrics.jsonl", "metric.csv", "result.json")), written.toString());
        for (String f : written) {
            assertFalse(f.startsWith(".") || f.endsWith(".tmp"), "temporary file left behind: " + f);
        }

        int stepsPerEpoch = (4050 + 99) / 100;
        assertEquals(41, stepsPerEpoch);

        // metrics.jsonl: one JSON object per epoch
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(3, lines.size());
        for (int e = 1; e <= 3; e++) {
            JsonNode m = ConfigLoader.mapper().readTree(lines.get(e - 1));
            for (String key : new String[] {"step", "epoch", "loss", "L", "lambda", "data_loss", "regularisation"}) {
                assertTrue(m.has(key), "metrics line " + e + " lacks " + key + ": " + lines.get(e - 1));
            }
            assertEquals(e, m.get("epoch").intValue());
            assertEquals((long) e * stepsPerEpoch, m.get("step").longValue());
            assertTrue(Double.isFinite(m.get("loss").doubleValue()) && m.get("loss").doubleValue() >= 0);
            assertEquals(m.get("loss").doubleValue(), m.get("data_loss").doubleValue() + m.get("regularisation").doubleValue(),
                    1e-12, "loss = data loss + regularisation");
        }
        JsonNode last = ConfigLoader.mapper().readTree(lines.get(2));

        // metric.csv: header eta,h,sensitivity,h_conditional_resolution and one row per layer at the grid's eta_i = 1 + i (1/15 - 1)/15
        List<String> csv = Files.readAllLines(out.resolve("metric.csv"));
        assertEquals("eta,h,sensitivity,h_conditional_resolution", csv.get(0));
        assertEquals(16, csv.size());
        JsonNode result = json(out.resolve("result.json"));
        for (int i = 0; i < 15; i++) {
            String[] f = csv.get(i + 1).split(",");
            assertEquals(4, f.length);
            double g = Double.parseDouble(f[2]);
            assertTrue(g > 0 && Double.isFinite(g), "sensitivity_" + i + " = " + g);
            assertEquals(g, result.get("sensitivity").get(i).doubleValue(), 0.0, "sensitivity_" + i + " in csv and json");
            assertEquals(r.sensitivity()[i], g, 0.0);
            assertEquals(0.1 / Math.sqrt(g), Double.parseDouble(f[3]), 0.0, "h_conditional_resolution_" + i);
            assertEquals(Double.parseDouble(f[3]), result.get("h_conditional_resolution").get(i).doubleValue(), 0.0);
            double eta = 1.0 + i * (1.0 / 15.0 - 1.0) / 15.0;
            assertEquals(eta, Double.parseDouble(f[0]), 1e-15, "eta_" + i);
            assertEquals(eta, result.get("eta").get(i).doubleValue(), 1e-15);
            assertEquals(Double.parseDouble(f[1]), result.get("h").get(i).doubleValue(), 0.0, "h_" + i + " in csv and json");
            assertEquals(r.params()[i], Double.parseDouble(f[1]), 0.0);
        }

        // result.json
        for (String key : new String[] {"loss", "L_GeV_inv", "lambda", "eta", "h", "steps", "seconds", "converged", "seed", "epochs"}) {
            assertTrue(result.has(key), "result.json lacks " + key + ": " + result);
        }
        assertEquals(15, result.get("h").size());
        assertEquals(3L * stepsPerEpoch, result.get("steps").longValue(), "steps = epochs * ceil(n / batch)");
        assertEquals(3L * stepsPerEpoch, r.steps());
        assertEquals(3, result.get("epochs").intValue());
        assertEquals(1, result.get("seed").longValue());
        assertTrue(result.get("seconds").doubleValue() > 0);
        // the final loss is the mean mini-batch loss of the last epoch, as logged
        assertEquals(last.get("loss").doubleValue(), result.get("loss").doubleValue(), 0.0);
        assertEquals(last.get("L").doubleValue(), result.get("L_GeV_inv").doubleValue(), 0.0);
        assertEquals(last.get("lambda").doubleValue(), result.get("lambda").doubleValue(), 0.0);
        assertEquals(1000.0 / result.get("L_GeV_inv").doubleValue(), result.get("inverse_L_MeV").doubleValue(), 1e-9);
        // L and lambda are trained: they moved from 0.8 and 0.2
        assertTrue(result.get("L_GeV_inv").doubleValue() != 0.8 && result.get("lambda").doubleValue() != 0.2);
        boolean converged = result.get("converged").booleanValue();
        assertEquals(result.get("loss").doubleValue() <= 0.1, converged, "converged iff final loss <= convergedLoss");
        assertEquals(!converged, result.has("reason"), "a reason exactly when not converged");
        if (!converged) {
            assertFalse(result.get("reason").textValue().isBlank());
        }
        double acc = result.get("accuracy").doubleValue();
        assertTrue(acc >= 0 && acc <= 1);

        // config.json is the resolved config with the overrides applied
        JsonNode cfg = json(out.resolve("config.json"));
        assertEquals(3, cfg.get("training").get("epochs").intValue());
        assertEquals(2050, cfg.get("data").get("negatives").intValue());
        assertTrue(Path.of(cfg.get("data").get("dataset").textValue()).isAbsolute());
    }

    @Test
    void sameConfigAndSeedGiveByteIdenticalFiles() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run(TestSupport.qcdConfig(), a, QCD_SHORT);
        run(TestSupport.qcdConfig(), b, QCD_SHORT);
        for (String f : new String[] {"metric.csv", "metrics.jsonl", "config.json"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        ObjectNode ra = (ObjectNode) json(a.resolve("result.json"));
        ObjectNode rb = (ObjectNode) json(b.resolve("result.json"));
        for (ObjectNode o : new ObjectNode[] {ra, rb}) {
            o.remove("seconds");
            o.remove("microseconds_per_step");
        }
        assertEquals(ra, rb, "result.json differs only in timings");

        Path c = tmp.resolve("c");
        run(TestSupport.qcdConfig(), c, with(QCD_SHORT, "training.seed=2"));
        assertFalse(Files.readString(a.resolve("metric.csv")).equals(Files.readString(c.resolve("metric.csv"))),
                "another seed, another metric");
    }

    @Test
    void trainingReducesTheLossOnAdsSchwarzschild() throws Exception {
        // 2000 points, batches of 50, 20 epochs (800 Adam steps): the last epoch's mean loss is below the first's,
        // and the objective on the whole data set, evaluated independently of the loop, drops by at least 25 %
        for (int seed = 1; seed <= 4; seed++) {
            ConfigLoader.Loaded l = TestSupport.load(TestSupport.adsConfig(), "data.positives=1000", "data.negatives=1000",
                    "training.epochs=20", "training.batchSize=50", "training.learningRate=0.01",
                    "training.smoothnessRegularisation=0.001", "training.boundaryRegularisation=0.01", "training.seed=" + seed);
            Experiment e = Experiment.build(l.config(), l.baseDir());
            TrainingRun.Outcome o = TrainingRun.train(e, null);
            String[] lines = o.metricsLog().split("\n");
            assertEquals(20, lines.length);
            JsonNode first = ConfigLoader.mapper().readTree(lines[0]);
            JsonNode last = ConfigLoader.mapper().readTree(lines[19]);
            assertFalse(last.has("L"), "no AdS radius with raw boundary data");
            assertEquals(1.0, last.get("lambda").doubleValue(), 0.0, "lambda is fixed in this experiment");
            assertTrue(last.get("loss").doubleValue() < first.get("loss").doubleValue(),
                    "seed " + seed + ": epoch loss " + first.get("loss") + " -> " + last.get("loss"));
            assertEquals(last.get("loss").doubleValue(), o.result().loss(), 0.0);
            assertEquals(800L, o.result().steps());

            int n = e.data().size();
            double[] x0 = new double[n];
            double[] x1 = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x0[i] = e.data().x0(i);
                x1[i] = e.data().x1(i);
                y[i] = e.data().label(i);
            }
            Batch all = Batch.of(x0, x1, y);
            double before = e.objective().evaluate(e.initialParams(), all, null, e.objective().newWorkspace(n), null);
            double after = e.objective().evaluate(o.result().params(), all, null, e.objective().newWorkspace(n), null);
            assertTrue(after < 0.75 * before, "seed " + seed + ": full-data objective " + before + " -> " + after);
            assertTrue(o.result().verdict().accuracy() > 0.6, "seed " + seed + ": accuracy " + o.result().verdict().accuracy());
        }
    }

    @Test
    void absurdLearningRateDivergesAndSaysSo() throws Exception {
        Path out = tmp.resolve("diverged");
        RunResult r = run(TestSupport.qcdConfig(), out, "training.epochs=3", "data.positives=500", "data.negatives=500",
                "training.learningRate=1e6");
        assertTrue(r.diverged());
        assertFalse(r.verdict().converged());
        TestSupport.assertContainsAll(r.verdict().reason(), "diverged");
        assertTrue(r.steps() < 3 * 10, "stopped early, after " + r.steps() + " steps");
        JsonNode result = json(out.resolve("result.json"));
        assertFalse(result.get("converged").booleanValue());
        TestSupport.assertContainsAll(result.get("reason").textValue(), "diverged");
        // parameters kept finite
        for (JsonNode h : result.get("h")) {
            assertTrue(h.isNumber() && Double.isFinite(h.doubleValue()), "h " + result.get("h"));
        }
        assertTrue(result.get("L_GeV_inv").isNumber() && Double.isFinite(result.get("L_GeV_inv").doubleValue()));
        assertTrue(result.get("lambda").isNumber());
        for (double p : r.params()) {
            assertTrue(Double.isFinite(p));
        }
        // it diverged in its first epoch: there is no epoch loss to report, and it must not read as a perfect 0
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        if (lines.isEmpty()) {
            assertTrue(result.get("loss").isNull(), "loss of a run without a complete epoch: " + result.get("loss"));
            assertEquals(0, result.get("epochs").intValue());
        } else {
            JsonNode lastLine = ConfigLoader.mapper().readTree(lines.get(lines.size() - 1));
            assertEquals(lastLine.get("loss").doubleValue(), result.get("loss").doubleValue(), 0.0);
        }
    }

    @Test
    void zeroEpochsIsNotAConvergedRun() throws Exception {
        Path out = tmp.resolve("zero");
        RunResult r = run(TestSupport.qcdConfig(), out, "training.epochs=0", "data.positives=300", "data.negatives=300");
        assertEquals(0, r.steps());
        assertFalse(r.verdict().converged(), "no training, no convergence (loss " + r.loss() + ")");
        assertEquals("", Files.readString(out.resolve("metrics.jsonl")));
    }

    @Test
    void failuresBeforeTrainingLeaveNoRunDirectory() throws Exception {
        Path out = tmp.resolve("never");
        DataFormatException e = assertThrows(DataFormatException.class, () -> run(TestSupport.qcdConfig(), out,
                "data.dataset=" + tmp.resolve("missing.csv"), "training.epochs=1"));
        TestSupport.assertContainsAll(e.getMessage(), "missing.csv", "no such file");
        assertFalse(Files.exists(out));

        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> run(TestSupport.qcdConfig(), out,
                "data.positives=20", "data.negatives=20", "training.batchSize=100"));
        TestSupport.assertContainsAll(big.getMessage(), "training.batchSize", "40");
        assertFalse(Files.exists(out));
    }

    @Test
    void runDirectoryMustBeFresh() throws Exception {
        RunDirectory.requireFresh(tmp.resolve("new"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RunDirectory.requireFresh(empty);
        Files.writeString(empty.resolve("x"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.requireFresh(empty));
        TestSupport.assertContainsAll(e.getMessage(), empty.toString(), "not empty");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.requireFresh(file));
    }

    @Test
    void atomicWriteReplacesWholeAndLeavesNoTemporaries() throws Exception {
        Path target = tmp.resolve("sub/dir/f.txt");
        AtomicFiles.write(target, "one\n");
        AtomicFiles.write(target, "two\n");
        assertEquals("two\n", Files.readString(target));
        assertEquals(Set.of("f.txt"), files(target.getParent()));
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
