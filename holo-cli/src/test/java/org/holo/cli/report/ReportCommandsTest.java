package org.holo.cli.report;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** holo export and holo plot end to end, on a QCD run of 3 short epochs. */
class ReportCommandsTest {


    @TempDir
    static Path tmp;
    static Path run;



    @BeforeAll
    static void train() {
        run = tmp.resolve("qcd");
        Cli.Result r = Cli.run("train", Cli.projectRoot().resolve("experiments/hstt2018-qcd.json").toString(), "--set",
                "training.epochs=3", "--set", "data.positives=300", "--set", "data.negatives=300", "--out", run.toString(),
                "--quiet");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void exportWritesTheChosenFormats() throws Exception {
        Path out = tmp.resolve("exported");
        Cli.Result r = Cli.run("export", run.toString(), "--format", "csv,npy", "--format", "dat", "--format", "JSON", "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out(), "results go to files");
        assertTrue(r.err().contains("exported 31 files to " + out), r.err());
        for (String f : new String[] {"metric.csv", "metric.csv.json", "history.csv", "scalars.csv", "metric.npy",
            "metric.npy.json", "history.npy", "metric.dat", "scalars.dat.json", "report.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals("eta,h,sensitivity,h_conditional_resolution,W", Files.readAllLines(out.resolve("metric.csv")).get(0));
        assertEquals("# eta h sensitivity h_conditional_resolution W", Files.readAllLines(out.resolve("metric.dat")).get(0));
    }

    /** The default export is CSV in RUN_DIR/export, and it holds the run's numbers: metric.csv, result.json, metrics.jsonl. */
    @Test
    void exportDefaultsToCsvInTheRunDirectory() throws Exception {
        Path dir = tmp.resolve("qcd-default-export");
        assertEquals(0, Cli.run("train", Cli.qcd(), "--set", "training.epochs=2", "--set", "data.positives=100", "--set",
                "data.negatives=100", "--out", dir.toString(), "--quiet", "--no-plots").exitCode());
        Cli.Result r = Cli.run("export", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("exported 10 files to " + dir.resolve("export")), r.err());
        try (var files = Files.list(dir.resolve("export"))) {
            assertEquals(List.of("history.csv", "history.csv.json", "metric.csv", "metric.csv.json", "modes.csv", "modes.csv.json",
                    "scalars.csv", "scalars.csv.json", "spectrum.csv", "spectrum.csv.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "CSV only");
        }

        List<double[]> learned = rows(dir.resolve("metric.csv"));
        List<double[]> exported = rows(dir.resolve("export/metric.csv"));
        assertEquals("eta,h,sensitivity,h_conditional_resolution,W", Files.readAllLines(dir.resolve("export/metric.csv")).get(0));
        assertEquals(learned.size(), exported.size(), "one row per layer");
        for (int i = 0; i < learned.size(); i++) {
            assertArrayEquals(learned.get(i), Arrays.copyOf(exported.get(i), 4), 0.0, "layer " + i);
            assertTrue(exported.get(i)[4] > 0, "W > 0");
        }
        assertEquals(1.0, exported.get(0)[4], 0.0, "W = 1 at eta_ini");

        JsonNode result = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        double[] scalars = rows(dir.resolve("export/scalars.csv")).get(0);
        assertEquals("L_GeV_inv,inverse_L_MeV,lambda", Files.readAllLines(dir.resolve("export/scalars.csv")).get(0));
        assertEquals(result.get("L_GeV_inv").asDouble(), scalars[0], 0.0);
        assertEquals(result.get("inverse_L_MeV").asDouble(), scalars[1], 0.0);
        assertEquals(result.get("lambda").asDouble(), scalars[2], 0.0);
        JsonNode sidecar = new ObjectMapper().readTree(dir.resolve("export/scalars.csv.json").toFile());
        assertEquals("GeV^-1", sidecar.get("columns").get("L_GeV_inv").get("unit").asText());
        assertEquals("MeV", sidecar.get("columns").get("inverse_L_MeV").get("unit").asText());

        List<String> epochs = Files.readAllLines(dir.resolve("metrics.jsonl"));
        List<double[]> history = rows(dir.resolve("export/history.csv"));
        assertEquals(epochs.size(), history.size(), "one row per epoch");
        JsonNode last = new ObjectMapper().readTree(epochs.get(epochs.size() - 1));
        assertEquals(last.get("loss").asDouble(), history.get(history.size() - 1)[2], 0.0, "loss of the last epoch");
    }

    /** The numeric rows of a CSV file with one header row. */
    private static List<double[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
    }

    @Test
    void plotWritesPngAndSvgFigures() throws Exception {
        Cli.Result r = Cli.run("plot", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("plots: 7 figures"), r.err());
        for (String f : new String[] {"metric", "volume", "loss", "parameters", "data-plane", "modes-spectrum", "modes"}) {
            byte[] png = Files.readAllBytes(run.resolve("plots/" + f + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), f);
            String svg = Files.readString(run.resolve("plots/" + f + ".svg"));
            assertTrue(svg.contains("<svg") && svg.contains("<path"), f);
        }
        assertTrue(Files.isRegularFile(run.resolve("plot.gp")));
        assertTrue(Files.isRegularFile(run.resolve("plot.py")));
        assertTrue(Files.isRegularFile(run.resolve("export/history.csv")));
    }

    @Test
    void badInputIsExitCode2WithOneLine() {
        Cli.Result r = Cli.run("plot", tmp.resolve("missing").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("holo: ") && r.err().contains("not a run directory"), r.err());
        Cli.Result f = Cli.run("export", run.toString(), "--format", "xls");
        assertEquals(2, f.exitCode(), f.err());
        assertTrue(f.err().contains("unknown export format 'xls'"), f.err());
        Cli.Result none = Cli.run("export");
        assertEquals(2, none.exitCode(), none.err());
    }

    @Test
    void helpListsTheCommands() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("export") && r.out().contains("plot"), r.out());
        Cli.Result p = Cli.run("plot", "--help");
        assertEquals(0, p.exitCode());
        assertTrue(p.out().contains("RUN_DIR") && p.out().contains("data-plane"), p.out());
    }
}
