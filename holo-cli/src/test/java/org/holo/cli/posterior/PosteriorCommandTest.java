package org.holo.cli.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code holo posterior} end to end on a short AdS-Schwarzschild run (physics.md §10). */
class PosteriorCommandTest {

    @TempDir
    Path tmp;

    static final String[] SHORT = {"--set", "training.epochs=3", "--set", "data.positives=150", "--set", "data.negatives=150",
        "--set", "training.batchSize=10", "--quiet", "--no-plots"};

    Path train(Path out, String... extra) {
        String[] args = new String[4 + SHORT.length + extra.length];
        args[0] = "train";
        args[1] = Cli.ads();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(SHORT, 0, args, 4, SHORT.length);
        System.arraycopy(extra, 0, args, 4 + SHORT.length, extra.length);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @Test
    void writesBandsDiagnosticsAndIsBitReproducibleWhateverTheThreads() throws Exception {
        Path run = train(tmp.resolve("run"));
        Cli.Result r = Cli.run("posterior", run.toString(), "--samples", "40", "--warmup", "30", "--chains", "2", "--seed", "5",
                "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("posterior of 300 data, 2 chains x 40 draws"), r.err());
        List<String> csv = Files.readAllLines(run.resolve("posterior.csv"));
        assertEquals("eta,mean,q2.5,q16,median,q84,q97.5", csv.get(0));
        assertEquals(11, csv.size(), "one row per layer");
        for (String line : csv.subList(1, csv.size())) {
            double[] v = java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            for (int k = 2; k < 6; k++) {
                assertTrue(v[k] <= v[k + 1], "quantiles in order: " + line);
            }
        }
        assertTrue(Files.readString(run.resolve("posterior-scalars.csv")).startsWith("name,mean,q2.5,q16,median,q84,q97.5\n"));
        assertTrue(Files.readString(run.resolve("laplace.csv")).startsWith("quantity,eta,mode,sd,"));
        for (String f : List.of("posterior.png", "posterior.svg", "posterior-draws.csv")) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        JsonNode j = new ObjectMapper().readTree(run.resolve("posterior.json").toFile());
        assertEquals("l1-squared", j.get("likelihood").get("trained_with").asText());
        assertEquals(300.0, j.get("prior").get("scale").asDouble(), 0.0, "prior scale n");
        assertEquals(2, j.get("chains").size());
        assertTrue(j.get("diagnostics").get("max_split_rhat").isNumber());

        // same seed, one thread, another directory: the same draws, bit for bit
        Path again = tmp.resolve("again");
        Cli.Result r2 = Cli.run("posterior", run.toString(), "--samples", "40", "--warmup", "30", "--chains", "2", "--seed", "5",
                "--threads", "1", "--out", again.toString());
        assertEquals(0, r2.exitCode(), r2.err());
        for (String f : List.of("posterior.csv", "posterior-draws.csv", "laplace.csv", "posterior-scalars.csv")) {
            assertArrayEquals(Files.readAllBytes(run.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
        // another seed: other draws
        Path other = tmp.resolve("other");
        assertEquals(0, Cli.run("posterior", run.toString(), "--samples", "40", "--warmup", "30", "--chains", "2", "--seed", "6",
                "--out", other.toString()).exitCode());
        assertFalse(Files.readString(run.resolve("posterior-draws.csv")).equals(Files.readString(other.resolve("posterior-draws.csv"))));
    }

    @Test
    void anEnsembleStartsItsChainsAtItsMembers() throws Exception {
        Path dir = tmp.resolve("ens");
        Cli.Result e = Cli.run("ensemble", Cli.ads(), "--seeds", "2..3", "--out", dir.toString(), "--no-plots", "--set", "training.epochs=3",
                "--set", "data.positives=150", "--set", "data.negatives=150", "--set", "training.batchSize=10", "--set",
                "training.convergedLoss=1", "--quiet");
        assertEquals(0, e.exitCode(), e.err());
        Cli.Result r = Cli.run("posterior", dir.toString(), "--samples", "30", "--warmup", "20", "--chains", "4");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("posterior.json").toFile());
        assertEquals(2, j.get("runs").asInt());
        assertEquals(2, j.get("laplace").size(), "a Laplace approximation around each member");
        assertEquals(List.of(0, 1, 0, 1), List.of(j.get("chains").get(0).get("start").asInt(), j.get("chains").get(1).get("start").asInt(),
                j.get("chains").get(2).get("start").asInt(), j.get("chains").get(3).get("start").asInt()));
        assertTrue(Files.isRegularFile(dir.resolve("posterior.csv")));
    }

    @Test
    void aRunWhoseDataAreGoneIsOneLineAndExitTwo() throws Exception {
        Path data = tmp.resolve("data.csv");
        Cli.Result g = Cli.run("generate", Cli.ads(), "--out", data.toString(), "--set", "data.positives=150", "--set",
                "data.negatives=150");
        assertEquals(0, g.exitCode(), g.err());
        Path run = train(tmp.resolve("run"), "--set", "data={\"source\":\"csv\",\"file\":\"" + data.toString().replace("\\", "\\\\") + "\"}");
        Files.delete(data);
        Cli.Result r = Cli.run("posterior", run.toString(), "--samples", "20", "--warmup", "20");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("data.csv") && r.err().contains("no such file"), r.err());
        assertFalse(Files.exists(run.resolve("posterior.csv")), "nothing written");
    }

    @Test
    void badOptionsAreExitTwo() throws Exception {
        Path run = train(tmp.resolve("run"));
        assertEquals(2, Cli.run("posterior", run.toString(), "--chains", "0").exitCode());
        assertEquals(2, Cli.run("posterior", run.toString(), "--prior-scale", "-1").exitCode());
        assertEquals(2, Cli.run("posterior", tmp.resolve("nothing").toString()).exitCode());
    }
}
