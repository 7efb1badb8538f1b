package org.holo.train.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.ensemble.MetricBand;
import org.holo.train.run.FinishedRun;
import org.holo.train.run.ResultFields;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Reports.writeAll on short real runs (QCD and AdS-Schwarzschild) and on a hand-made diverged run. */
class ReportsTest {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static final String[] FIGURES_QCD = {"metric", "volume", "loss", "parameters", "data-plane"};

    @TempDir
    static Path runs;
    static Path qcd;
    static Path ads;

    @BeforeAll
    static void train() throws Exception {
        qcd = runs.resolve("qcd");
        ConfigLoader.Loaded q = TestSupport.load(TestSupport.qcdConfig(), "training.epochs=3", "data.positives=300",
                "data.negatives=300");
        TrainingRun.execute(q.config(), q.baseDir(), qcd, null);
        ads = runs.resolve("ads");
        ConfigLoader.Loaded a = TestSupport.load(TestSupport.adsConfig(), "training.epochs=2", "data.positives=200",
                "data.negatives=200");
        TrainingRun.execute(a.config(), a.baseDir(), ads, null);
    }

    static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
        return to;
    }

    static JsonNode json(Path p) throws Exception {
        return ConfigLoader.mapper().readTree(Files.readString(p));
    }

    static void assertPng(Path p) throws Exception {
        assertTrue(Files.isRegularFile(p), p + " missing");
        byte[] b = Files.readAllBytes(p);
        assertTrue(b.length > 1000, p + " is only " + b.length + " bytes");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(b, 8), p + ": not a PNG");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(p.toFile());
        assertEquals(Plots.WIDTH, img.getWidth());
        assertEquals(Plots.HEIGHT, img.getHeight());
    }

    static Document assertSvg(Path p) throws Exception {
        assertTrue(Files.isRegularFile(p), p + " missing");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(p)));
        assertEquals("svg", doc.getDocumentElement().getLocalName(), p.toString());
        int drawn = doc.getElementsByTagNameNS("*", "path").getLength() + doc.getElementsByTagNameNS("*", "polyline").getLength();
        assertTrue(drawn > 10, p + ": only " + drawn + " path/polyline elements");
        return doc;
    }

    /** A short run may end with a net that accepts nothing yet; anything else in the notes is a problem. */
    static void assertHealthy(List<String> notes) {
        for (String n : notes) {
            assertTrue(n.startsWith("data plane: the trained network accepts no point"), "unexpected note: " + n);
        }
    }

    static double[] csvColumn(Path csv, String column) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int c = Arrays.asList(lines.get(0).split(",")).indexOf(column);
        assertTrue(c >= 0, column + " not in " + lines.get(0));
        double[] v = new double[lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            v[r - 1] = Double.parseDouble(lines.get(r).split(",")[c]);
        }
        return v;
    }

    @Test
    void qcdRunGetsExportFiguresAndScripts() throws Exception {
        Path dir = copy(qcd, runs.resolve("qcd-all"));
        Reports.Summary s = Reports.writeAll(dir);
        assertHealthy(s.notes());
        for (String f : FIGURES_QCD) {
            assertPng(dir.resolve("plots/" + f + ".png"));
            assertSvg(dir.resolve("plots/" + f + ".svg"));
        }
        for (String f : new String[] {"metric", "history", "scalars"}) {
            assertTrue(Files.isRegularFile(dir.resolve("export/" + f + ".csv")), f);
            assertTrue(Files.isRegularFile(dir.resolve("export/" + f + ".csv.json")), f);
        }
        assertFalse(Files.exists(dir.resolve("export/metric_true.csv")), "QCD has no true metric");
        assertTrue(Files.isRegularFile(dir.resolve("plot.gp")));
        assertTrue(Files.isRegularFile(dir.resolve("plot.py")));

        // the exported metric is the run's, W is the trapezoid volume factor
        JsonNode result = json(dir.resolve("result.json"));
        double[] h = csvColumn(dir.resolve("export/metric.csv"), "h");
        double[] eta = csvColumn(dir.resolve("export/metric.csv"), "eta");
        assertEquals(15, h.length);
        for (int i = 0; i < h.length; i++) {
            assertEquals(result.get("h").get(i).asDouble(), h[i], 0.0);
            assertEquals(result.get("eta").get(i).asDouble(), eta[i], 0.0);
        }
        assertArrayEquals(VolumeFactor.normalised(eta, h), csvColumn(dir.resolve("export/metric.csv"), "W"), 0.0);
        assertEquals("eta,h,sensitivity,h_conditional_resolution,W", Files.readAllLines(dir.resolve("export/metric.csv")).get(0));
        double[] g = csvColumn(dir.resolve("export/metric.csv"), "sensitivity");
        double[] res = csvColumn(dir.resolve("export/metric.csv"), "h_conditional_resolution");
        for (int i = 0; i < h.length; i++) {
            assertEquals(result.get("sensitivity").get(i).asDouble(), g[i], 0.0);
            assertEquals(0.1 / Math.sqrt(g[i]), res[i], 0.0);
        }
        double l = csvColumn(dir.resolve("export/scalars.csv"), "L_GeV_inv")[0];
        assertEquals(result.get("L_GeV_inv").asDouble(), l, 0.0);
        assertEquals(1000.0 / l, csvColumn(dir.resolve("export/scalars.csv"), "inverse_L_MeV")[0], 0.0);
        assertEquals(result.get("lambda").asDouble(), csvColumn(dir.resolve("export/scalars.csv"), "lambda")[0], 0.0);
        JsonNode side = json(dir.resolve("export/scalars.csv.json"));
        assertEquals("GeV^-1", side.get("columns").get("L_GeV_inv").get("unit").asText());
        assertEquals("MeV", side.get("columns").get("inverse_L_MeV").get("unit").asText());

        // the history table is metrics.jsonl
        List<String> jsonl = Files.readAllLines(dir.resolve("metrics.jsonl"));
        double[] loss = csvColumn(dir.resolve("export/history.csv"), "loss");
        double[] lTrace = csvColumn(dir.resolve("export/history.csv"), "L");
        assertEquals(3, loss.length);
        for (int r = 0; r < 3; r++) {
            JsonNode line = ConfigLoader.mapper().readTree(jsonl.get(r));
            assertEquals(line.get("loss").asDouble(), loss[r], 0.0);
            assertEquals(line.get("L").asDouble(), lTrace[r], 0.0);
        }
        assertEquals("epoch,step,loss,data_loss,regularisation,L,lambda",
                Files.readAllLines(dir.resolve("export/history.csv")).get(0));
    }

    @Test
    void adsRunOverlaysTheTrueMetricAndHasNoParameterTrace() throws Exception {
        Path dir = copy(ads, runs.resolve("ads-all"));
        Reports.Summary s = Reports.writeAll(dir);
        assertHealthy(s.notes());
        for (String f : new String[] {"metric", "volume", "loss", "data-plane"}) {
            assertPng(dir.resolve("plots/" + f + ".png"));
            assertSvg(dir.resolve("plots/" + f + ".svg"));
        }
        assertFalse(Files.exists(dir.resolve("plots/parameters.png")), "no L and a fixed lambda: nothing to trace");
        double[] eta = csvColumn(dir.resolve("export/metric_true.csv"), "eta");
        double[] h = csvColumn(dir.resolve("export/metric_true.csv"), "h");
        double[] w = csvColumn(dir.resolve("export/metric_true.csv"), "W");
        assertEquals(1.0, eta[0], 0.0);
        assertEquals(0.1, eta[eta.length - 1], 0.0);
        for (int i = 0; i < eta.length; i++) {
            assertEquals(3.0 / Math.tanh(3.0 * eta[i]), h[i], 1e-12);
            assertEquals(Math.sinh(3.0 * eta[i]) / Math.sinh(3.0), w[i], 1e-4 * w[i], "fine-grid trapezoid W");
        }
        assertEquals("epoch,step,loss,data_loss,regularisation,lambda",
                Files.readAllLines(dir.resolve("export/history.csv")).get(0));
        assertEquals("lambda", Files.readAllLines(dir.resolve("export/scalars.csv")).get(0));
    }

    @Test
    void aDivergedRunWithNaNsIsPlottedWithNotes() throws Exception {
        Path dir = copy(qcd, runs.resolve("diverged"));
        ObjectNode result = (ObjectNode) json(dir.resolve("result.json"));
        result.remove(ResultFields.PARAMETERS); // damaged the way a record without named blocks (v1) is read
        ArrayNode h = (ArrayNode) result.get("h");
        h.setNull(3);
        h.setNull(7);
        h.set(8, result.numberNode(1e300));
        result.putNull("L_GeV_inv");
        result.putNull("loss");
        result.put("converged", false).put("reason", "diverged at step 12");
        Files.writeString(dir.resolve("result.json"), result.toString());
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\":6,\"epoch\":1,\"loss\":0.3,\"data_loss\":0.25,"
                + "\"regularisation\":0.05,\"L\":0.9,\"lambda\":0.1}\nnot json\n{\"step\":12,\"epoch\":2,\"loss\":null,"
                + "\"data_loss\":null,\"regularisation\":null,\"L\":null,\"lambda\":null}\n");

        Reports.Summary s = Reports.writeAll(dir);
        String notes = String.join("\n", s.notes());
        assertTrue(notes.contains("2 of 15 h values are not finite"), notes);
        assertTrue(notes.contains("L_GeV_inv is null"), notes);
        assertTrue(notes.contains("line 2: not a JSON object"), notes);
        assertTrue(notes.contains("points not drawn"), notes);
        assertEquals(notes + "\n", Files.readString(dir.resolve("plots/notes.txt")));
        for (String f : new String[] {"metric", "volume", "loss", "parameters"}) {
            assertPng(dir.resolve("plots/" + f + ".png"));
            assertSvg(dir.resolve("plots/" + f + ".svg"));
        }
        List<String> metric = Files.readAllLines(dir.resolve("export/metric.csv"));
        assertTrue(metric.get(4).contains("NaN"), metric.get(4));
        assertTrue(Files.readAllLines(dir.resolve("export/scalars.csv")).get(1).startsWith("NaN,NaN,"), "L and 1/L are NaN");
        assertEquals(3, Files.readAllLines(dir.resolve("export/history.csv")).size(), "header + 2 good lines");
    }

    /** A run directory written before the profile existed: reported without it, with a note, nothing fails. */
    @Test
    void runWithoutSensitivityProfileStillReports() throws Exception {
        Path dir = copy(qcd, runs.resolve("old"));
        ObjectNode result = (ObjectNode) json(dir.resolve("result.json"));
        result.remove(List.of("sensitivity", "h_conditional_resolution", "sensitivity_definition"));
        Files.writeString(dir.resolve("result.json"), result.toString());
        Reports.Summary s = Reports.writeAll(dir);
        String notes = String.join("\n", s.notes());
        assertTrue(notes.contains("result.json has no sensitivity profile"), notes);
        assertEquals("eta,h,W", Files.readAllLines(dir.resolve("export/metric.csv")).get(0));
        assertPng(dir.resolve("plots/metric.png"));
        assertFalse(Files.readString(dir.resolve("plot.gp")).contains("h_conditional_resolution"));
        assertFalse(Files.readString(dir.resolve("plot.py")).contains("h_conditional_resolution"));
    }

    /**
     * Where the sensitivity is 0 the resolution is infinite: Infinity in the CSV, null (explained) in report.json,
     * and in the plot a band clipped to the range of the other curves instead of an axis stretched to infinity.
     */
    @Test
    void unconstrainedLayerHasInfiniteResolutionAndAClippedBand() throws Exception {
        Path dir = copy(ads, runs.resolve("unconstrained"));
        ObjectNode result = (ObjectNode) json(dir.resolve("result.json"));
        ArrayNode g = (ArrayNode) result.get("sensitivity");
        int last = g.size() - 1;
        g.set(last, 0.0);
        g.set(last - 1, 1e-20);
        Files.writeString(dir.resolve("result.json"), result.toString());
        Reports.writeAll(dir);
        List<String> metric = Files.readAllLines(dir.resolve("export/metric.csv"));
        assertEquals("Infinity", metric.get(last + 1).split(",")[3], metric.get(last + 1));
        assertTrue(json(dir.resolve("export/metric.csv.json")).get("h_conditional_resolution_infinite").asText().contains("sensitivity = 0"));

        FinishedRun run = FinishedRun.readLenient(dir);
        RunReport report = RunReport.of(run);
        Exporter.write(report, dir.resolve("json"), Exporter.Format.JSON);
        JsonNode table = json(dir.resolve("json/report.json")).get("tables").get("metric");
        assertTrue(table.get("columns").get("h_conditional_resolution").get(last).isNull());
        assertTrue(table.get("null_values").asText().contains("+infinity where sensitivity = 0"));

        List<String> notes = new ArrayList<>();
        org.knowm.xchart.XYChart c = Plots.metric(report, notes);
        double[] range = Plots.metricRange(report);
        org.knowm.xchart.XYSeries band = c.getSeriesMap().values().stream()
                .filter(x -> x.getName().startsWith("h ± 0.1/√G_i")).findFirst().orElseThrow();
        assertTrue(band.getName().endsWith("(clipped to the plot)"), band.getName());
        for (org.knowm.xchart.XYSeries x : c.getSeriesMap().values()) {
            for (double y : x.getYData()) {
                assertTrue(y >= range[0] && y <= range[1], x.getName() + ": " + y + " outside " + Arrays.toString(range));
            }
        }
        assertTrue(range[1] - range[0] < 50, "the band did not stretch the axis: " + Arrays.toString(range));
        assertEquals(range[1], band.getYData()[last], 0.0, "upper edge of the unconstrained layer at the top");
        assertPng(dir.resolve("plots/metric.png"));
    }

    @Test
    void nothingFiniteAtAllStillDoesNotThrow() throws Exception {
        Path dir = copy(qcd, runs.resolve("all-nan"));
        ObjectNode result = (ObjectNode) json(dir.resolve("result.json"));
        result.remove(ResultFields.PARAMETERS); // damaged the way a record without named blocks (v1) is read
        ArrayNode h = (ArrayNode) result.get("h");
        for (int i = 0; i < h.size(); i++) {
            h.setNull(i);
        }
        result.putNull("L_GeV_inv");
        result.putNull("lambda");
        Files.writeString(dir.resolve("result.json"), result.toString());
        Files.delete(dir.resolve("metrics.jsonl"));
        Reports.Summary s = Reports.writeAll(dir);
        String notes = String.join("\n", s.notes());
        assertTrue(notes.contains("metrics.jsonl is missing"), notes);
        assertTrue(notes.contains("accepted region") || notes.contains("accepts no point"), notes);
        assertPng(dir.resolve("plots/metric.png"));
        assertFalse(Files.exists(dir.resolve("plots/loss.png")));
        assertTrue(Files.isRegularFile(dir.resolve("export/history.csv")));
    }

    @Test
    void aStaleFigureIsRemoved() throws Exception {
        Path dir = copy(ads, runs.resolve("stale"));
        Files.createDirectories(dir.resolve("plots"));
        Files.writeString(dir.resolve("plots/parameters.png"), "old");
        Files.writeString(dir.resolve("plots/notes.txt"), "old");
        Reports.writeAll(dir);
        assertFalse(Files.exists(dir.resolve("plots/parameters.png")));
        assertFalse(Files.exists(dir.resolve("plots/notes.txt")));
    }

    @Test
    void anEnsembleBandIsExportedAndDrawn() throws Exception {
        Path dir = copy(qcd, runs.resolve("band"));
        FinishedRun run = FinishedRun.readLenient(dir);
        double[] eta = run.eta();
        double[] h = run.h();
        int n = eta.length;
        double[] std = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(std, 0.5);
        for (int i = 0; i < n; i++) {
            lo[i] = h[i] - 0.5;
            hi[i] = h[i] + 0.5;
        }
        RunReport report = RunReport.of(run).withBand(new MetricBand(eta, h, std, lo, h, hi, 8));
        Reports.Summary s = Reports.writeAll(report, run, dir);
        assertHealthy(s.notes());
        assertEquals("eta,h_mean,h_std,h_q16,h_median,h_q84", Files.readAllLines(dir.resolve("export/metric_band.csv")).get(0));
        assertArrayEquals(hi, csvColumn(dir.resolve("export/metric_band.csv"), "h_q84"), 0.0);
        assertPng(dir.resolve("plots/metric.png"));
        assertTrue(Files.readString(dir.resolve("plots/metric.svg")).length() > 1000);
        assertTrue(Files.readString(dir.resolve("plot.py")).contains("metric_band"));
        assertTrue(Files.readString(dir.resolve("plot.gp")).contains("'export/metric_band.csv' using 'eta':'h_q16':'h_q84'"));
    }

    @Test
    void exportWritesEveryFormat() throws Exception {
        Path out = runs.resolve("export-all");
        Reports.Summary s = Reports.export(qcd, out, List.of(Exporter.Format.values()));
        List<String> names = new ArrayList<>();
        s.files().forEach(p -> names.add(p.getFileName().toString()));
        for (String f : new String[] {"metric.csv", "metric.csv.json", "history.dat", "history.dat.json", "scalars.npy",
            "scalars.npy.json", "metric.npy", "report.json"}) {
            assertTrue(names.contains(f), f + " not in " + names);
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode j = json(out.resolve("report.json"));
        assertEquals(15, j.get("tables").get("metric").get("columns").get("W").size());
        assertEquals(1.0, j.get("tables").get("metric").get("columns").get("W").get(0).asDouble(), 0.0);
        assertEquals("GeV^-1", j.get("scalars").get("L_GeV_inv").get("unit").asText());
        assertNull(j.get("tables").get("metric_true"));
    }

    @Test
    void notARunDirectoryIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reports.writeAll(runs.resolve("nope")));
        assertTrue(e.getMessage().contains("not a run directory"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Reports.writeAll(runs));
    }

    @Test
    void dataPlaneHasTheLatticePointsAndAnAcceptedRegion() throws Exception {
        FinishedRun run = FinishedRun.readLenient(qcd);
        List<String> notes = new ArrayList<>();
        DataPlane p = DataPlane.compute(run, notes);
        assertNotNull(p);
        assertEquals(List.of(), notes);
        assertEquals(6, p.pointsX().length, "the six lattice points");
        assertEquals(300, p.positives());
        assertEquals(300, p.negatives());
        assertEquals(300, p.posX().length);
        assertEquals(DataPlane.GRID * DataPlane.GRID, p.gridPoints());
        for (int i = 0; i < p.acceptedX().length; i++) {
            double f = run.network().horizonValue(run.params(), p.acceptedX()[i], p.acceptedY()[i]);
            assertTrue(run.network().output().value(f) < 0.5);
        }
    }
}
