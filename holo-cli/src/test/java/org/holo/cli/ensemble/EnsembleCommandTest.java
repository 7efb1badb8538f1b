package org.holo.cli.ensemble;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code holo ensemble} end to end on shortened schedules. */
class EnsembleCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Fields that differ between backends or runs by nature: timing, backend identity, paths. */
    static final Set<String> NOT_COMPARED = Set.of("seconds", "microseconds_per_ensemble_step", "finished_at",
            "backend", "device", "versions", "directory");

    @TempDir
    Path tmp;

    /** Five epochs (1000 steps) of three seeds: the djl backend on the CPU gives cpu's summary to 1e-8 relative. */
    @Test
    void djlOnCpuGivesTheCpuSummary() throws IOException {
        String qcd = EnsembleCli.experiment("hstt2018-qcd.json").toString();
        // convergedLoss 10: every member enters the statistics, so they compare something after 5 epochs
        String[] common = {"ensemble", qcd, "--seeds", "1..3", "--set", "training.epochs=5",
            "--set", "training.convergedLoss=10", "--quiet"};
        Cli.Result cpu = Cli.run(concat(common, "--backend", "cpu", "--out", tmp.resolve("cpu").toString()));
        assertEquals(0, cpu.exitCode(), cpu.err());
        Cli.Result djl = Cli.run(concat(common, "--backend", "djl", "--device", "cpu", "--out", tmp.resolve("djl").toString()));
        assertEquals(0, djl.exitCode(), djl.err());
        assertTrue(djl.err().contains("djl backend: device cpu, dtype float64, DJL 0.35.1, PyTorch 2.7.1"), djl.err());
        assertTrue(cpu.err().contains("1/L = ") && cpu.err().contains(" MeV (mean ± std over 3 converged seeds)"), cpu.err());

        JsonNode a = JSON.readTree(Files.readString(tmp.resolve("cpu/summary.json")));
        JsonNode b = JSON.readTree(Files.readString(tmp.resolve("djl/summary.json")));
        assertEquals(3, a.get("converged").asInt());
        assertEquals("djl", b.get("backend").asText());
        assertEquals("cpu", b.get("device").asText());
        assertEquals("2.7.1", b.get("versions").get("pytorch").asText());
        assertTrue(a.get("result").asText().matches("1/L = [0-9.]+ ± [0-9.]+ MeV \\(mean ± std over 3 converged of 3 seeds\\)"),
                a.get("result").asText());
        double worst = compare(a, b, "summary");
        System.out.println("ensemble summary djl vs cpu: worst relative difference " + worst);

        List<String> csvA = Files.readAllLines(tmp.resolve("cpu/ensemble.csv"));
        List<String> csvB = Files.readAllLines(tmp.resolve("djl/ensemble.csv"));
        assertEquals("eta,h_mean,h_std,h_q16,h_median,h_q84", csvA.get(0));
        assertEquals(16, csvA.size());
        for (int i = 1; i < csvA.size(); i++) {
            String[] x = csvA.get(i).split(",");
            String[] y = csvB.get(i).split(",");
            for (int k = 0; k < x.length; k++) {
                assertTrue(close(Double.parseDouble(x[k]), Double.parseDouble(y[k])), "ensemble.csv line " + i + ": " + csvA.get(i) + " vs " + csvB.get(i));
            }
        }
        for (String s : List.of("seed-1", "seed-2", "seed-3")) {
            for (String f : List.of("config.json", "provenance.json", "metrics.jsonl", "metric.csv", "result.json")) {
                assertTrue(Files.isRegularFile(tmp.resolve("djl").resolve(s).resolve(f)), s + "/" + f);
            }
        }
        JsonNode prov = JSON.readTree(Files.readString(tmp.resolve("djl/seed-2/provenance.json")));
        assertEquals("djl", prov.get("backend").asText());
        assertEquals("float64", prov.get("dtype").asText());
        assertEquals("0.35.1", prov.get("versions").get("djl").asText());
        assertEquals(2, prov.get("seed").asInt());
    }

    @Test
    void aGpuThatIsNotThereIsAnError() {
        String qcd = EnsembleCli.experiment("hstt2018-qcd.json").toString();
        Path out = tmp.resolve("gpu");
        Cli.Result r = Cli.run("ensemble", qcd, "--seeds", "1..2", "--backend", "djl", "--device", "gpu",
                "--out", out.toString(), "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--device gpu: no GPU is visible to DJL"), r.err());
        assertFalse(Files.exists(out), "nothing is written when the device is missing");
        Cli.Result r1 = Cli.run("ensemble", qcd, "--seeds", "1", "--backend", "djl", "--device", "gpu:1",
                "--out", out.toString(), "--quiet");
        assertEquals(2, r1.exitCode(), r1.err());
        assertTrue(r1.err().contains("no GPU is visible"), r1.err());
        Cli.Result r2 = Cli.run("ensemble", qcd, "--seeds", "1..2", "--device", "gpu", "--out", out.toString());
        assertEquals(2, r2.exitCode(), r2.err());
        assertTrue(r2.err().contains("the cpu backend runs on the CPU only"), r2.err());
        Cli.Result r3 = Cli.run("ensemble", qcd, "--seeds", "1..2", "--backend", "djl", "--device", "tpu",
                "--out", out.toString());
        assertEquals(2, r3.exitCode(), r3.err());
        assertTrue(r3.err().contains("expected cpu, gpu or gpu:N"), r3.err());
    }

    @Test
    void badSeedsAndBackendsAreUsageErrors() {
        String qcd = EnsembleCli.experiment("hstt2018-qcd.json").toString();
        Path out = tmp.resolve("bad");
        for (String[] args : List.of(
                new String[] {"ensemble", qcd, "--seeds", "5..1", "--out", out.toString()},
                new String[] {"ensemble", qcd, "--seeds", "1,x", "--out", out.toString()},
                new String[] {"ensemble", qcd, "--seeds", "1..3", "--backend", "tpu", "--out", out.toString()},
                new String[] {"ensemble", qcd, "--seeds", "1..3", "--set", "training.seed=4", "--out", out.toString()},
                new String[] {"ensemble", qcd, "--out", out.toString()},
                new String[] {"ensemble", "--seeds", "1..3"})) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertFalse(Files.exists(out));
        }
    }

    /** Every number of a against b: equal to 1e-8 relative (structure and non-numbers exactly). */
    static double compare(JsonNode a, JsonNode b, String path) {
        double worst = 0.0;
        if (a.isObject()) {
            assertTrue(b.isObject(), path);
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (NOT_COMPARED.contains(e.getKey())) {
                    continue;
                }
                assertTrue(b.has(e.getKey()), path + "." + e.getKey() + " missing");
                worst = Math.max(worst, compare(e.getValue(), b.get(e.getKey()), path + "." + e.getKey()));
            }
        } else if (a.isArray()) {
            assertEquals(a.size(), b.size(), path);
            for (int i = 0; i < a.size(); i++) {
                worst = Math.max(worst, compare(a.get(i), b.get(i), path + "[" + i + "]"));
            }
        } else if (a.isNumber() && a.isFloatingPointNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            assertTrue(close(x, y), path + ": " + x + " vs " + y);
            worst = Math.max(worst, x == y ? 0.0 : Math.abs(x - y) / Math.abs(x));
        } else if (a.isTextual() && path.endsWith("result")) {
            // "1/L = 260.1 ± 3.2 MeV ...": rounded, so equal unless a difference hits the last digit
            assertEquals(a.asText(), b.asText(), path);
        } else {
            assertEquals(a, b, path);
        }
        return worst;
    }

    static boolean close(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        return x == y || Math.abs(x - y) <= 1e-8 * Math.abs(x);
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
