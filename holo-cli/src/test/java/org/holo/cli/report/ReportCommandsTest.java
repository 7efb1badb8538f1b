package org.holo.cli.report;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        assertTrue(r.err().contains("exported 19 files to " + out), r.err());
        for (String f : new String[] {"metric.csv", "metric.csv.json", "history.csv", "scalars.csv", "metric.npy",
            "metric.npy.json", "history.npy", "metric.dat", "scalars.dat.json", "report.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals("eta,h,sensitivity,h_resolution,W", Files.readAllLines(out.resolve("metric.csv")).get(0));
        assertEquals("# eta h sensitivity h_resolution W", Files.readAllLines(out.resolve("metric.dat")).get(0));
    }

    @Test
    void exportDefaultsToCsvInTheRunDirectory() throws Exception {
        Cli.Result r = Cli.run("export", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(run.resolve("export/metric.csv")));
        assertTrue(Files.isRegularFile(run.resolve("export/scalars.csv.json")));
    }

    @Test
    void plotWritesPngAndSvgFigures() throws Exception {
        Cli.Result r = Cli.run("plot", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("plots: 5 figures"), r.err());
        for (String f : new String[] {"metric", "volume", "loss", "parameters", "data-plane"}) {
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
