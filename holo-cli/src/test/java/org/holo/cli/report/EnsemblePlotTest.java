package org.holo.cli.report;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** holo ensemble writes the band figures at the end, and holo plot redraws them from the ensemble directory. */
class EnsemblePlotTest {

    @Test
    void anEnsembleDirectoryIsPlottedWithItsBand(@TempDir Path tmp) throws Exception {
        Path config = Cli.projectRoot().resolve("experiments/hstt2018-ads-schwarzschild.json");
        Path out = tmp.resolve("ens");
        // a short schedule; convergedLoss 1 so that the members count as converged and make a band
        Cli.Result r = Cli.run("ensemble", config.toString(), "--seeds", "1..3", "--out",
                out.toString(), "--quiet", "--set", "training.epochs=2", "--set", "data.positives=200",
                "--set", "data.negatives=200", "--set", "training.convergedLoss=1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> band = Files.readAllLines(out.resolve("export/metric_band.csv"));
        assertEquals("eta,h_mean,h_std,h_q16,h_median,h_q84", band.get(0));
        assertEquals(11, band.size(), "header + 10 layers");
        // the band is the ensemble's own statistics: the same numbers as ensemble.csv
        List<String> stats = Files.readAllLines(out.resolve("ensemble.csv"));
        assertEquals(stats.size(), band.size());
        for (int i = 1; i < band.size(); i++) {
            String[] a = stats.get(i).split(",");
            String[] b = band.get(i).split(",");
            for (int c = 0; c < a.length; c++) {
                assertEquals(Double.parseDouble(a[c]), Double.parseDouble(b[c]), 0.0, "row " + i + " column " + c);
            }
        }

        Files.delete(out.resolve("plots/metric.png"));
        r = Cli.run("plot", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        byte[] png = Files.readAllBytes(out.resolve("plots/metric.png"));
        assertTrue(png.length > 1000 && (png[1] & 0xff) == 'P' && (png[2] & 0xff) == 'N' && (png[3] & 0xff) == 'G');
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("show member (seed-\\d+)").matcher(r.err());
        assertTrue(m.find(), r.err());
        String member = m.group(1);
        // the same member plotted alone gives a different figure: the ensemble's has the band drawn around it
        r = Cli.run("plot", out.resolve(member).toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(!java.util.Arrays.equals(png, Files.readAllBytes(out.resolve(member + "/plots/metric.png"))),
                "the ensemble figure must show more than its member's curve");
    }

    /** With one converged member the spread is undefined (NaN in h_std): the figures are still drawn, exit 0. */
    @Test
    void oneConvergedMemberStillGetsItsFigures(@TempDir Path tmp) throws Exception {
        Path config = Cli.projectRoot().resolve("experiments/hstt2018-ads-schwarzschild.json");
        Path out = tmp.resolve("ens");
        // 3 epochs: seed 1 ends at loss 0.260, seed 2 at 0.275, so convergedLoss 0.27 keeps only seed 1
        Cli.Result r = Cli.run("ensemble", config.toString(), "--seeds", "1..2", "--out", out.toString(), "--quiet",
                "--set", "training.epochs=3", "--set", "training.convergedLoss=0.27");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"converged\" : 1"), "one member converged");
        assertEquals("NaN", Files.readAllLines(out.resolve("ensemble.csv")).get(1).split(",")[2]);
        assertTrue(Files.size(out.resolve("plots/metric.png")) > 1000, "metric figure drawn");
        List<String> band = Files.readAllLines(out.resolve("export/metric_band.csv"));
        assertEquals(11, band.size(), "header + 10 layers");
    }
}
