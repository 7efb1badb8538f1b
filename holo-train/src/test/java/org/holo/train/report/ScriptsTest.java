package org.holo.train.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plot.gp and plot.py redraw the curves from the exported CSVs. The scripts are run when gnuplot or a Python
 * with matplotlib is installed (skipped otherwise: neither is a build dependency).
 */
class ScriptsTest {

    @TempDir
    static Path tmp;
    static Path qcd;
    static Path ads;

    @BeforeAll
    static void runs() throws Exception {
        qcd = tmp.resolve("qcd");
        ConfigLoader.Loaded q = TestSupport.load(TestSupport.qcdConfig(), "training.epochs=3", "data.positives=300",
                "data.negatives=300");
        TrainingRun.execute(q.config(), q.baseDir(), qcd, null);
        Reports.writeAll(qcd);
        ads = tmp.resolve("ads");
        ConfigLoader.Loaded a = TestSupport.load(TestSupport.adsConfig(), "training.epochs=2", "data.positives=200",
                "data.negatives=200");
        TrainingRun.execute(a.config(), a.baseDir(), ads, null);
        Reports.writeAll(ads);
    }

    record Run(int code, String output) {
    }

    /** Runs a command from another directory (the scripts must find their CSVs by themselves); null if absent. */
    static Run run(Path cwd, String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "timed out");
            }
            return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    static String pythonWithMatplotlib() throws InterruptedException {
        for (String py : new String[] {"python3", "/usr/bin/python3"}) {
            Run r = run(tmp, py, "-c", "import matplotlib");
            if (r != null && r.code() == 0) {
                return py;
            }
        }
        return null;
    }

    static void assertPng(Path p) throws IOException {
        assertTrue(Files.isRegularFile(p), p + " not written");
        byte[] b = Files.readAllBytes(p);
        assertTrue(b.length > 1000, p + ": " + b.length + " bytes");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(b, 4), p.toString());
    }

    @Test
    void scriptsNameTheExportedFiles() throws Exception {
        String gp = Files.readString(qcd.resolve(Scripts.GNUPLOT));
        String py = Files.readString(qcd.resolve(Scripts.PYTHON));
        for (String s : List.of(gp, py)) {
            assertTrue(s.contains("metric") && s.contains("history"), s);
        }
        assertTrue(gp.contains("'export/metric.csv' using 'eta':'h'"), gp);
        // the resolution band h ± h_conditional_resolution, clipped so that an infinite width stays inside the plot
        assertTrue(gp.contains("clip(column('h') + column('h_conditional_resolution'))") && gp.contains("clip(y) = "), gp);
        assertTrue(py.contains("min(h + w, YHI) for h, w in zip(metric[\"h\"], metric[\"h_conditional_resolution\"])"), py);
        assertTrue(gp.contains("using 'epoch':'L'"), "QCD traces L: " + gp);
        assertFalse(gp.contains("metric_true"), "QCD has no true metric");
        assertTrue(py.startsWith("#!/usr/bin/env python3\n"));
        assertTrue(py.contains("matplotlib.use(\"Agg\")"));
        String adsGp = Files.readString(ads.resolve(Scripts.GNUPLOT));
        assertTrue(adsGp.contains("'export/metric_true.csv' using 'eta':'h'"), adsGp);
        assertFalse(adsGp.contains("set output 'plots/gp-parameters.png'"), "lambda fixed, no L: no trace");
        assertTrue(gp.contains("set output 'plots/gp-parameters.png'"));
    }

    @Test
    void gnuplotScriptRuns() throws Exception {
        Run version = run(tmp, "gnuplot", "--version");
        assumeTrue(version != null && version.code() == 0, "gnuplot is not installed");
        for (Path dir : List.of(qcd, ads)) {
            Run r = run(tmp, "gnuplot", dir.resolve(Scripts.GNUPLOT).toString());
            assertEquals(0, r.code(), r.output());
            List<String> figures = new ArrayList<>(List.of("metric", "volume", "loss"));
            if (dir == qcd) {
                figures.add("parameters");
            }
            for (String f : figures) {
                assertPng(dir.resolve("plots/gp-" + f + ".png"));
            }
        }
    }

    @Test
    void matplotlibScriptRuns() throws Exception {
        String py = pythonWithMatplotlib();
        assumeTrue(py != null, "no python3 with matplotlib");
        for (Path dir : List.of(qcd, ads)) {
            Run r = run(tmp, py, dir.resolve(Scripts.PYTHON).toString());
            assertEquals(0, r.code(), r.output());
            for (String f : new String[] {"metric", "volume", "loss"}) {
                assertPng(dir.resolve("plots/mpl-" + f + ".png"));
            }
        }
        assertPng(qcd.resolve("plots/mpl-parameters.png"));
        assertFalse(Files.exists(ads.resolve("plots/mpl-parameters.png")));
    }
}
