package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code holo train --verbose} says where the time outside the training loop goes, in one line. */
class TrainTimesTest {

    private static final Pattern TIMES = Pattern.compile("times: JVM start to command ([0-9.]+) s, config ([0-9.]+) s,"
            + " data \\+ setup \\+ writing ([0-9.]+) s, training loop ([0-9.]+) s, exports and plots ([0-9.]+) s");

    @TempDir
    Path tmp;

    @Test
    void verboseTrainPrintsItsPhases() throws Exception {
        Path out = tmp.resolve("run");
        Cli.Result r = Cli.run("train", Cli.qcd(), "--set", "training.epochs=1", "--set", "data.positives=300",
                "--set", "data.negatives=300", "--out", out.toString(), "--quiet", "--no-plots", "--verbose");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("times: ")).toList();
        assertEquals(1, lines.size(), r.err());
        Matcher m = TIMES.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        double seconds = new ObjectMapper().readTree(out.resolve("result.json").toFile()).get("seconds").doubleValue();
        assertEquals(String.format(Locale.ROOT, "%.2f", seconds), m.group(4), "the training loop is result.json's seconds");
        assertEquals("0.00", m.group(5), "--no-plots: nothing drawn");

        Cli.Result quiet = Cli.run("train", Cli.qcd(), "--set", "training.epochs=1", "--set", "data.positives=300",
                "--set", "data.negatives=300", "--out", tmp.resolve("plain").toString(), "--quiet", "--no-plots");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertFalse(quiet.err().contains("times: "), quiet.err());
    }
}
