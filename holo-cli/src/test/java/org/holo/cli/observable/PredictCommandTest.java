package org.holo.cli.observable;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.holo.core.observable.CondensateCurve;
import org.holo.train.run.FinishedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheCurveTheLatticeComparisonAndASummary() throws Exception {
        Path run = ObservableCli.qcdRun(tmp.resolve("run"), ObservableCli.PUBLISHED_H, 3.85, 0.0055);
        Cli.Result r = Cli.run("predict", run.toString(), "--mq", "0:0.02:4");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("5 quark masses"), r.err());

        List<String> curve = Files.readAllLines(run.resolve("condensate.csv"));
        assertEquals("m_q_GeV,condensate_GeV3,branch", curve.get(0));
        TreeSet<Double> masses = new TreeSet<>();
        FinishedRun record = FinishedRun.read(run);
        CondensateCurve lib = new CondensateCurve(record.network(), record.params());
        for (String l : curve.subList(1, curve.size())) {
            String[] f = l.split(",");
            assertEquals(3, f.length);
            double mq = Double.parseDouble(f[0]);
            double sigma = Double.parseDouble(f[1]);
            int branch = Integer.parseInt(f[2]);
            assertTrue(branch >= 0);
            masses.add(mq);
            // a root of F: the sign changes across it
            assertTrue(Math.signum(lib.horizonValue(mq, sigma - 1e-12)) != Math.signum(lib.horizonValue(mq, sigma + 1e-12)), l);
        }
        assertEquals(new TreeSet<>(List.of(0.0, 0.005, 0.01, 0.015, 0.02)), masses);

        List<String> lattice = Files.readAllLines(run.resolve("condensate-lattice.csv"));
        assertEquals("m_q_GeV,condensate_GeV3,F,network_output,predicted_GeV3,residual_GeV3", lattice.get(0));
        assertEquals(7, lattice.size(), "the six lattice points");
        for (String l : lattice.subList(1, lattice.size())) {
            String[] f = l.split(",");
            double mq = Double.parseDouble(f[0]);
            double sigma = Double.parseDouble(f[1]);
            assertEquals(lib.horizonValue(mq, sigma), Double.parseDouble(f[2]), 0.0, "F at the lattice point");
            assertEquals(sigma - Double.parseDouble(f[4]), Double.parseDouble(f[5]), 1e-15, "residual = data - nearest root");
        }

        JsonNode j = ObservableCli.JSON.readTree(run.resolve("condensate.json").toFile());
        assertEquals(3.85, j.get("L_GeV_inv").asDouble(), 0.0);
        assertEquals(4, j.get("mq_GeV").get("steps").asInt());
        assertEquals(0.165, j.get("condensate_scan_GeV3").get("to").asDouble(), 1e-12, "the sampler's box, raised by half");
        assertEquals(6, j.get("lattice").get("points").asInt());
        assertEquals(0.004, j.get("lattice").get("noise_std_GeV3").asDouble(), 0.0);
        assertEquals(6, j.get("lattice").get("points_detail").size());
        assertTrue(j.get("lattice").get("points_detail").get(0).has("within_band"));
        assertTrue(j.get("units").has("condensate_GeV3"));
    }

    @Test
    void outAndLatticeOptions() throws Exception {
        Path run = ObservableCli.qcdRun(tmp.resolve("run"), ObservableCli.PUBLISHED_H, 3.85, 0.0055);
        Path points = tmp.resolve("points.csv");
        Files.writeString(points, "m_q_GeV,condensate_GeV3\n0.005,0.03\n0.015,0.08\n");
        Path out = tmp.resolve("elsewhere");
        Cli.Result r = Cli.run("predict", run.toString(), "--lattice", points.toString(), "--out", out.toString(),
                "--condensate", "0:0.2:400", "--mq", "0:0.022:11");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(run.resolve("condensate.csv")), "--out, not the run directory");
        assertEquals(3, Files.readAllLines(out.resolve("condensate-lattice.csv")).size());
        JsonNode j = ObservableCli.JSON.readTree(out.resolve("condensate.json").toFile());
        assertEquals(400, j.get("condensate_scan_GeV3").get("steps").asInt());
        assertEquals(2, j.get("lattice").get("points").asInt());
    }

    @Test
    void nonQcdRunAndBadGridsExitTwo() throws Exception {
        Path raw = ObservableCli.rawRun(tmp.resolve("raw"));
        Cli.Result r = Cli.run("predict", raw.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("qcd"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Path run = ObservableCli.qcdRun(tmp.resolve("run"), ObservableCli.PUBLISHED_H, 3.85, 0.0055);
        for (String[] args : new String[][] {
            {"predict", run.toString(), "--mq", "0:0.02"},
            {"predict", run.toString(), "--mq", "0.02:0:10"},
            {"predict", run.toString(), "--mq", "-0.01:0.02:10"},
            {"predict", run.toString(), "--condensate", "0:x:10"},
            {"predict", run.toString(), "--condensate", "0:0.1:0"},
            {"predict", run.toString(), "--lattice", tmp.resolve("missing.csv").toString()},
            {"predict", tmp.resolve("nope").toString()},
        }) {
            Cli.Result b = Cli.run(args);
            assertEquals(2, b.exitCode(), String.join(" ", args) + ": " + b.err());
            assertTrue(b.err().startsWith("holo: "), b.err());
        }
    }

    @Test
    void aRunWithoutItsLearnedLambdaIsNamedInOneLine() throws Exception {
        Path run = ObservableCli.qcdRun(tmp.resolve("run"), ObservableCli.PUBLISHED_H, 3.85, 0.0055);
        Path result = run.resolve("result.json");
        Files.writeString(result, Files.readString(result).replace("0.0055", "null"));
        for (String command : List.of("predict", "potential")) {
            Cli.Result r = Cli.run(command, run.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("holo: " + result + ": lambda: expected a number, found null", r.err().strip(), command);
            assertFalse(Files.exists(run.resolve(command.equals("predict") ? "condensate.json" : "potential.json")), "nothing written");
        }
    }
}
