package org.holo.cli.observable;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PotentialCommandTest {

    static final String HEADER = "curve,branch,eta_star,r_L,r_GeV_inv,r_fm,V";

    @TempDir
    Path tmp;

    @Test
    void adsSchwarzschildGivesThePublishedLengthsInUnitsOfTheTemperature() throws Exception {
        Path out = tmp.resolve("sch");
        Cli.Result r = Cli.run("potential", "--metric", "ads-schwarzschild:d=4", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out(), "results go to files");
        assertTrue(r.err().contains("r_screen"), r.err());
        JsonNode j = ObservableCli.JSON.readTree(out.resolve("potential.json").toFile());
        assertEquals("exact", j.get("split").asText());
        assertEquals("ads-schwarzschild", j.get("metric").asText());
        assertEquals(1.0 / Math.PI, j.get("T").asDouble(), 1e-12);
        // Albacete, Kovchegov, Taliotis arXiv:0807.4747: 0.870/(pi T); Bak, Karch, Yaffe arXiv:0705.0994: 0.240/T
        assertEquals(0.870 / Math.PI, j.get("r_max_times_T").asDouble(), 0.01 * 0.870 / Math.PI);
        assertEquals(0.240, j.get("r_screen_times_T").asDouble(), 0.01 * 0.240);
        assertTrue(j.get("string_tension").isNull());
        assertFalse(j.get("confining").asBoolean());
        assertTrue(j.get("L_GeV_inv").isNull());
        assertTrue(j.get("r_max_fm").isNull(), "no L, no physical length");
        assertEquals(1.43554, j.get("coulomb_coefficient").asDouble(), 1e-5);
        for (String field : List.of("r_max", "r_screen", "string_tension", "coulomb_coefficient", "T", "V")) {
            assertTrue(j.get("units").has(field), "unit of " + field);
        }
        List<String> lines = Files.readAllLines(out.resolve("potential.csv"));
        assertEquals(HEADER, lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("connected,0,")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("screened,-1,")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("minimum,-1,")), "screened beyond r_screen");
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            assertEquals(7, f.length, l);
            assertEquals("NaN", f[4], "r in GeV^-1 needs L: " + l);
            Double.parseDouble(f[3]);
            Double.parseDouble(f[6]);
        }
    }

    @Test
    void pureAdsIsCoulombAndNeverScreened() throws Exception {
        Path out = tmp.resolve("ads");
        Cli.Result r = Cli.run("potential", "--metric", "ads:d=4", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = ObservableCli.JSON.readTree(out.resolve("potential.json").toFile());
        assertEquals(8 * Math.pow(Math.PI, 3) / Math.pow(org.apache.commons.math3.special.Gamma.gamma(0.25), 4),
                j.get("coulomb_coefficient").asDouble(), 1e-9);
        assertTrue(j.get("r_max").isNull());
        assertEquals("unbounded", j.get("r_max_kind").asText());
        assertTrue(j.get("r_screen").isNull());
        assertTrue(j.get("string_tension").isNull());
        assertTrue(j.get("T").isNull());
    }

    @Test
    void learnedRunWithAnIrWallConfinesAndScreensAndRecordsTheSplit() throws Exception {
        Path run = ObservableCli.qcdRun(tmp.resolve("run"), ObservableCli.PUBLISHED_H, 3.85, 0.0055);
        Cli.Result r = Cli.run("potential", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("confining wall"), r.err());
        JsonNode j = ObservableCli.JSON.readTree(run.resolve("potential.json").toFile());
        assertEquals("f=g", j.get("split").asText(), "the default split is recorded");
        assertEquals("learned", j.get("metric").asText());
        assertTrue(j.get("confining").asBoolean());
        assertTrue(j.get("string_tension").asDouble() > 0);
        double rScreen = j.get("r_screen").asDouble();
        assertEquals(rScreen * 3.85, j.get("r_screen_GeV_inv").asDouble(), 1e-12);
        assertEquals(rScreen * 3.85 * 0.1973269804, j.get("r_screen_fm").asDouble(), 1e-12);
        assertTrue(j.get("r_max").isNull(), "the wall makes the connected string unbounded");
        assertTrue(j.get("T").isNull(), "f = g has no regular horizon");
        assertTrue(j.get("geometry").asText().contains("pure AdS"), j.get("geometry").asText());
        assertEquals(1.43554, j.get("coulomb_coefficient").asDouble(), 1e-5);
        // the connected energy rises linearly with the string tension at large r
        List<double[]> outer = Files.readAllLines(run.resolve("potential.csv")).stream().skip(1)
                .filter(l -> l.startsWith("connected,0,")).map(l -> l.split(","))
                .map(f -> new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[6]), Double.parseDouble(f[4])})
                .sorted((a, b) -> Double.compare(a[0], b[0])).toList();
        double[] a = outer.get(outer.size() - 1);
        double[] b = outer.get(outer.size() - 5);
        assertEquals(j.get("string_tension").asDouble(), (a[1] - b[1]) / (a[0] - b[0]), 1e-3 * j.get("string_tension").asDouble());
        assertEquals(a[0] * 3.85, a[2], 1e-12, "r in GeV^-1 with L known");

        Path other = tmp.resolve("gads");
        Cli.Result r2 = Cli.run("potential", run.toString(), "--split", "g=ads", "--out", other.toString());
        assertEquals(0, r2.exitCode(), r2.err());
        JsonNode j2 = ObservableCli.JSON.readTree(other.resolve("potential.json").toFile());
        assertEquals("g=ads", j2.get("split").asText());
        assertTrue(j2.get("T").asDouble() > 0, "g = e^{2 eta} with the horizon continuation: a regular horizon");
        assertTrue(j2.has("T_note"));
        assertTrue(j2.get("wall_eta").asDouble() != j.get("wall_eta").asDouble(), "the split moves the wall");
    }

    @Test
    void rawRunWithoutRadiusWorksInUnitsOfL() throws Exception {
        Path run = ObservableCli.rawRun(tmp.resolve("raw"));
        Cli.Result r = Cli.run("potential", run.toString(), "--out", tmp.resolve("rawpot").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = ObservableCli.JSON.readTree(tmp.resolve("rawpot/potential.json").toFile());
        assertEquals(3, j.get("d").asInt());
        assertTrue(j.get("L_GeV_inv").isNull());
        assertFalse(j.get("confining").asBoolean(), "h = 3 coth 3 eta has no wall");
    }

    @Test
    void badUsageExitsTwoWithOneLine() throws Exception {
        Path run = ObservableCli.qcdRun(tmp.resolve("run"), ObservableCli.PUBLISHED_H, 3.85, 0.0055);
        String out = tmp.resolve("o").toString();
        String[][] cases = {
            {"potential"},
            {"potential", run.toString(), "--metric", "ads:d=4", "--out", out},
            {"potential", "--metric", "ads:d=4", "--split", "f=g", "--out", out},
            {"potential", "--metric", "ads:d=4"},
            {"potential", "--metric", "flat:d=4", "--out", out},
            {"potential", "--metric", "ads:d=four", "--out", out},
            {"potential", run.toString(), "--split", "f=2g"},
            {"potential", tmp.resolve("nope").toString()},
        };
        for (String[] args : cases) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("holo: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
    }
}
