package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit code 2, one line "holo: …" on stderr naming the problem, no stack trace, no run directory. */
class BadInputTest {

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("run-out");
    }

    private Cli.Result expectBadInput(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), "stderr: " + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line expected, got:\n" + r.err());
        assertTrue(err.startsWith("holo: "), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        assertFalse(Files.exists(out()) && out().toFile().list().length > 0, "a failed run must leave no run directory");
        assertFalse(Files.exists(out()), "the run directory must not even be created");
        return r;
    }

    private static void assertMentions(Cli.Result r, String... parts) {
        for (String p : parts) {
            assertTrue(r.err().contains(p), "stderr should mention '" + p + "': " + r.err());
        }
    }

    @Test
    void missingConfigFile() {
        String missing = tmp.resolve("nope.json").toString();
        assertMentions(expectBadInput("train", missing, "--out", out().toString(), "--quiet"), missing, "no such file");
        assertMentions(expectBadInput("generate", missing, "--out", tmp.resolve("d.csv").toString()), "no such file");
    }

    @Test
    void invalidJson() throws Exception {
        Path f = Files.writeString(tmp.resolve("broken.json"), "{ \"name\": \"x\",\n  \"model\": { \"dimension\": 4 \n");
        assertMentions(expectBadInput("train", f.toString(), "--out", out().toString(), "--quiet"), f.toString(), "not valid JSON");
    }

    @Test
    void unknownKey() throws Exception {
        String text = Files.readString(Path.of(Cli.qcd())).replace("\"etaFin\"", "\"etaFn\"");
        Path f = Files.writeString(tmp.resolve("typo.json"), text);
        assertMentions(expectBadInput("train", f.toString(), "--out", out().toString(), "--quiet"), "model.grid.etaFn", "unknown field");
        assertMentions(expectBadInput("train", Cli.qcd(), "--set", "training.epohcs=2", "--out", out().toString(), "--quiet"),
                "training.epohcs", "unknown field");
    }

    @Test
    void badSetOverride() {
        assertMentions(expectBadInput("train", Cli.qcd(), "--set", "training.epochs", "--out", out().toString(), "--quiet"),
                "--set training.epochs", "key=value");
        assertMentions(expectBadInput("train", Cli.qcd(), "--set", "training.epochs=many", "--out", out().toString(), "--quiet"),
                "training.epochs", "wrong type");
        assertMentions(expectBadInput("train", Cli.qcd(), "--set", "model.scheme=rk5", "--out", out().toString(), "--quiet"),
                "model.scheme", "euler, rk4");
    }

    @Test
    void missingDatasetFile() {
        String missing = tmp.resolve("no-such-data.csv").toString();
        assertMentions(expectBadInput("train", Cli.qcd(), "--set", "data.dataset=" + missing, "--set", "training.epochs=1",
                "--out", out().toString(), "--quiet"), missing, "no such file");
    }

    @Test
    void missingCsvTrainingFile() throws Exception {
        Path config = Files.writeString(tmp.resolve("csv.json"),
                "{\"name\": \"c\", \"data\": {\"source\": \"csv\", \"file\": \"absent.csv\"}, \"training\": {\"epochs\": 1}}");
        assertMentions(expectBadInput("train", config.toString(), "--out", out().toString(), "--quiet"),
                tmp.resolve("absent.csv").toString(), "no such file");
    }

    @Test
    void badDataLineIsNamed() throws Exception {
        Path data = Files.writeString(tmp.resolve("bad.csv"), "m_q_GeV,condensate_GeV3,label\n0.001,0.01,0\n0.002,0.05,2\n");
        Path config = Files.writeString(tmp.resolve("csv.json"),
                "{\"name\": \"c\", \"data\": {\"source\": \"csv\", \"file\": \"bad.csv\"}, \"training\": {\"epochs\": 1, \"batchSize\": 1}}");
        assertMentions(expectBadInput("train", config.toString(), "--out", out().toString(), "--quiet"), data + ":3:", "label");
    }

    @Test
    void badMetricTablesAreNamed() throws Exception {
        Path table = Files.writeString(tmp.resolve("h.csv"), "eta,h\n1.0,3\n0.5,3.5\n0.6,3.4\n0.1,10\n");
        assertMentions(expectBadInput("train", Cli.ads(), "--set", "data.metric=table", "--set", "data.table=" + table,
                "--out", out().toString(), "--quiet"), table + ":4:", "not strictly monotone");
        Path narrow = Files.writeString(tmp.resolve("narrow.csv"), "eta,h\n1.0,3\n0.5,3.5\n");
        assertMentions(expectBadInput("train", Cli.ads(), "--set", "model.metricInit.type=table", "--set",
                "model.metricInit.file=" + narrow, "--out", out().toString(), "--quiet"), narrow.toString(), "must span");
        assertMentions(expectBadInput("modes", tmp.resolve("no-run").toString()), "no-run", "not a run directory");
    }

    @Test
    void nonEmptyOutDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("used"));
        Path marker = Files.writeString(dir.resolve("keep.txt"), "precious");
        Cli.Result r = Cli.run("train", Cli.qcd(), "--set", "training.epochs=1", "--set", "data.positives=300",
                "--set", "data.negatives=300", "--out", dir.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertMentions(r, dir.toString(), "not empty");
        assertEquals(1, dir.toFile().list().length, "nothing written into the used directory");
        assertEquals("precious", Files.readString(marker));

        Path file = Files.writeString(tmp.resolve("plainfile"), "x");
        Cli.Result f = Cli.run("train", Cli.qcd(), "--set", "training.epochs=1", "--out", file.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, f.exitCode(), f.err());
        assertMentions(f, "not a directory");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result r = Cli.run("train", tmp.resolve("nope.json").toString(), "--out", out().toString(), "--quiet", "--verbose");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        Cli.Result noSub = Cli.run();
        assertEquals(2, noSub.exitCode());
        assertTrue(noSub.err().contains("subcommand"), noSub.err());
        assertEquals(2, Cli.run("train").exitCode(), "CONFIG is required");
        assertEquals(2, Cli.run("train", Cli.qcd(), "--bogus").exitCode());
        assertEquals(2, Cli.run("generate", Cli.qcd()).exitCode(), "--out is required");
        assertEquals(2, Cli.run("frobnicate").exitCode());
        assertEquals(2, Cli.run("train", Cli.qcd(), "--seed", "seven").exitCode());
    }
}
