package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Set<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void trainWritesTheRunDirectory() throws Exception {
        Path out = tmp.resolve("run");
        Cli.Result r = Cli.run("train", Cli.qcd(), "--set", "training.epochs=2", "--set", "data.positives=300",
                "--set", "data.negatives=300", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertRunFiles(out);
        assertTrue(r.err().contains("run directory: " + out), r.err());
        assertTrue(r.err().contains("hstt2018-qcd seed 1"), r.err());
        assertFalse(r.err().contains(" epoch 1/2"), "--quiet: no progress lines: " + r.err());
        assertEquals("", r.out(), "results go to files, not stdout");
        JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
        assertEquals(2 * 6, result.get("steps").intValue(), "600 points in batches of 100, 2 epochs");
        assertEquals(2, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        assertEquals(16, Files.readAllLines(out.resolve("metric.csv")).size());
        JsonNode cfg = JSON.readTree(out.resolve("config.json").toFile());
        assertEquals(2, cfg.get("training").get("epochs").intValue());
        assertEquals(300, cfg.get("data").get("positives").intValue());
    }

    @Test
    void seedFlagReachesResultAndConfig() throws Exception {
        Path out = tmp.resolve("seed7");
        Cli.Result r = Cli.run("train", Cli.qcd(), "--seed", "7", "--set", "training.epochs=1", "--set", "data.positives=300",
                "--set", "data.negatives=300", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(7, JSON.readTree(out.resolve("result.json").toFile()).get("seed").longValue());
        assertEquals(7, JSON.readTree(out.resolve("config.json").toFile()).get("training").get("seed").longValue());
        assertTrue(r.err().contains("seed 7"), r.err());

        // --seed wins over --set training.seed, and a different seed gives a different metric
        Path other = tmp.resolve("seed8");
        Cli.Result r2 = Cli.run("train", Cli.qcd(), "--set", "training.seed=3", "--seed", "8", "--set", "training.epochs=1",
                "--set", "data.positives=300", "--set", "data.negatives=300", "--out", other.toString(), "--quiet");
        assertEquals(0, r2.exitCode(), r2.err());
        assertEquals(8, JSON.readTree(other.resolve("result.json").toFile()).get("seed").longValue());
        assertFalse(Files.readString(out.resolve("metric.csv")).equals(Files.readString(other.resolve("metric.csv"))));
    }

    @Test
    void sameArgumentsGiveByteIdenticalRuns() throws Exception {
        String[] common = {"--set", "training.epochs=2", "--set", "data.positives=300", "--set", "data.negatives=300", "--quiet",
            "--seed", "4"};
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run(concat(new String[] {"train", Cli.qcd(), "--out", a.toString()}, common)).exitCode());
        assertEquals(0, Cli.run(concat(new String[] {"train", Cli.qcd(), "--out", b.toString()}, common)).exitCode());
        for (String f : new String[] {"metric.csv", "metrics.jsonl", "config.json"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void emptyExistingOutDirectoryIsAccepted() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = Cli.run("train", Cli.ads(), "--set", "training.epochs=1", "--set", "data.positives=100",
                "--set", "data.negatives=100", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertRunFiles(out);
        JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
        assertFalse(result.has("L_GeV_inv"));
        assertEquals(10, result.get("h").size());
    }

    @Test
    void divergedTrainingExitsThree() throws Exception {
        Path out = tmp.resolve("diverged");
        Cli.Result r = Cli.run("train", Cli.qcd(), "--set", "training.epochs=2", "--set", "data.positives=300",
                "--set", "data.negatives=300", "--set", "training.learningRate=1e6", "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.DIVERGED, r.exitCode(), r.err());
        assertTrue(r.err().contains("NOT converged") && r.err().contains("diverged"), r.err());
        JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
        assertFalse(result.get("converged").booleanValue());
        assertTrue(result.get("reason").textValue().contains("diverged"));
    }

    /** The four files every run directory has (others, e.g. provenance, may join them), and no temporaries. */
    static void assertRunFiles(Path out) throws Exception {
        Set<String> written = files(out);
        assertTrue(written.containsAll(List.of("config.json", "metrics.jsonl", "metric.csv", "result.json")), written.toString());
        for (String f : written) {
            assertFalse(f.startsWith(".") || f.endsWith(".tmp"), "temporary file left behind: " + f);
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
