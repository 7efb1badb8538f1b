package org.holo.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.holo.cli.Cli;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.RunClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, run (local), status, a failing point, a killed point, resume and collect, end to end. */
class LocalSweepTest {

    @Test
    void aBadPointIsNamedAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("bad.json");
        Files.writeString(spec, "{\"base\": \"" + Cli.qcd() + "\", \"axes\": ["
                + "{\"name\": \"c\", \"path\": \"training.smoothnessRegularisation\", \"values\": [0.01, -1]},"
                + "{\"name\": \"seed\", \"path\": \"training.seed\", \"values\": \"1..2\"}]}");
        Path out = tmp.resolve("study");
        Cli.Result r = Cli.run("sweep", "plan", spec.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("holo: " + spec + ": point 2 (c=-1, seed=1): "), r.err());
        assertTrue(r.err().contains("training.smoothnessRegularisation"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no half-written study beside the spec");
        }
    }

    @Test
    void runFailResumeAndCollect(@TempDir Path tmp) throws Exception {
        Path late = tmp.resolve("late.csv");
        Path study = tmp.resolve("study");
        Cli.Result plan = Cli.run("sweep", "plan", SweepCli.spec(tmp, late).toString(), "--out", study.toString());
        assertEquals(0, plan.exitCode(), plan.err());
        assertEquals(5, plan.out().lines().count(), plan.out());
        assertTrue(plan.out().lines().skip(4).findFirst().orElse("").matches("3\\s+\\S*late.csv\\s+2"), plan.out());

        // points 2 and 3 read late.csv, which does not exist yet: they fail, 0 and 1 are done
        Cli.Result run = Cli.run("sweep", "run", study.toString(), "--jobs", "2");
        assertEquals(7, run.exitCode(), run.err());
        assertEquals(List.of("done", "done", "failed", "failed"), markers(study));
        JsonNode failed = ConfigLoader.mapper().readTree(study.resolve("markers/002.failed").toFile());
        assertEquals(2, failed.get("exit_code").asInt());
        assertTrue(failed.get("message").asText().contains("late.csv"), failed.toString());
        assertTrue(Files.readString(study.resolve("logs/002.err")).contains("late.csv"));
        Cli.Result again = Cli.run("sweep", "run", study.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already started"), again.err());

        // point 1 killed mid-run, as far as the disk can tell: no marker, no result, a claim nobody holds
        Path p1 = study.resolve("points/001");
        Files.delete(study.resolve("markers/001.done"));
        Files.delete(p1.resolve("result.json"));
        Files.writeString(p1.resolve(RunClaim.FILE), "{\"pid\": 999999999, \"host\": \"elsewhere\", \"since\": \"2020-01-01T00:00:00Z\"}\n");
        Cli.Result status = Cli.run("sweep", "status", study.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().startsWith("4 points: 1 done, 2 failed, 0 running, 0 pending, 1 missing"), status.out());

        Files.copy(SweepCli.lattice(), late);
        FileTime before = Files.getLastModifiedTime(study.resolve("points/000/result.json"));
        String log0 = Files.readString(study.resolve("logs/000.err"));
        Cli.Result resume = Cli.run("sweep", "resume", study.toString(), "--jobs", "2");
        assertEquals(0, resume.exitCode(), resume.err());
        assertTrue(resume.err().contains("resuming 3"), resume.err());
        assertEquals(List.of("done", "done", "done", "done"), markers(study));
        assertEquals(before, Files.getLastModifiedTime(study.resolve("points/000/result.json")), "a done point is not rerun");
        assertEquals(log0, Files.readString(study.resolve("logs/000.err")));
        for (int i = 0; i < 4; i++) {
            SweepCli.assertSameAsTrain(study, i, tmp);
        }

        Cli.Result collect = Cli.run("sweep", "collect", study.toString());
        assertEquals(0, collect.exitCode(), collect.err());
        for (String axis : List.of("dataset", "seed")) {
            for (String ext : List.of("png", "svg")) {
                assertTrue(Files.size(study.resolve("plots/inverse_L_MeV-vs-" + axis + "." + ext)) > 1000, axis + "." + ext);
            }
        }
        List<String> csv = Files.readAllLines(study.resolve("study.csv"));
        assertTrue(csv.get(0).startsWith("index,dataset,seed,state,exit_code,converged,reason,loss,"), csv.get(0));
        assertEquals(5, csv.size());
        JsonNode json = ConfigLoader.mapper().readTree(study.resolve("study.json").toFile());
        assertEquals(4, json.get("done").asInt());
        for (int i = 0; i < 4; i++) {
            JsonNode row = json.get("rows").get(i);
            JsonNode result = ConfigLoader.mapper().readTree(study.resolve(row.get("dir").asText()).resolve("result.json").toFile());
            assertEquals(result.get("loss").asDouble(), row.get("loss").asDouble());
            assertEquals(result.get("inverse_L_MeV").asDouble(), row.get("inverse_L_MeV").asDouble());
            assertEquals(1 + i % 2, row.get("seed").asInt());
            double min = Double.POSITIVE_INFINITY;
            for (JsonNode h : result.get("h")) {
                min = Math.min(min, h.asDouble());
            }
            assertEquals(min, row.get("min_h").asDouble());
        }
    }

    private static List<String> markers(Path study) throws Exception {
        return List.of(SweepCli.marker(study, 0), SweepCli.marker(study, 1), SweepCli.marker(study, 2), SweepCli.marker(study, 3));
    }
}
