package org.holo.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.holo.cli.Cli;
import org.holo.cli.HoloProcess;
import org.holo.train.config.ConfigLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits a real job array to a SLURM cluster: the local one of scripts/slurm-local.sh (started by .ci/run), or any
 * cluster SLURM_CONF points to. Skipped, with the reason printed, when there is none.
 */
class SlurmSweepTest {

    private static final Pattern COLLECT = Pattern.compile("submitted collect job (\\d+)");

    @BeforeAll
    static void clusterUp() throws Exception {
        String reason = null;
        if (System.getenv("SLURM_CONF") == null) {
            reason = "SLURM_CONF is not set (start a cluster: scripts/slurm-local.sh start; eval \"$(scripts/slurm-local.sh env)\")";
        } else {
            try {
                Process p = new ProcessBuilder("sinfo", "-h", "-o", "%t").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                    reason = "sinfo failed: " + out.lines().findFirst().orElse("no answer");
                }
            } catch (java.io.IOException e) {
                reason = "sinfo not found: SLURM is not installed (scripts/slurm-local.sh install)";
            }
        }
        if (reason != null) {
            System.out.println("SlurmSweepTest skipped: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    @Test
    void anArrayWithAFailingPointThenAResume(@TempDir Path tmp) throws Exception {
        Path late = tmp.resolve("late.csv");
        Path study = tmp.resolve("study");
        assertEquals(0, Cli.run("sweep", "plan", SweepCli.spec(tmp, late).toString(), "--out", study.toString()).exitCode());

        Cli.Result dry = Cli.run("sweep", "run", study.toString(), "--executor", "slurm", "--points-per-task", "2",
                "--throttle", "2", "--time", "00:05:00", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("#SBATCH --array=0-1%2\n"), dry.out());
        assertTrue(dry.out().contains("#SBATCH --time=00:05:00\n"), dry.out());
        assertTrue(dry.out().contains("\n0,1\n2,3\n"), dry.out());
        assertFalse(Files.exists(study.resolve("slurm")), "a dry run writes nothing");

        Cli.Result rejected = Cli.run("sweep", "run", study.toString(), "--executor", "slurm", "--partition", "no-such-partition");
        assertEquals(6, rejected.exitCode());
        assertTrue(rejected.err().startsWith("holo: sbatch rejected the submission: "), rejected.err());
        assertEquals(1, rejected.err().strip().lines().count(), rejected.err());
        assertFalse(Files.exists(study.resolve("slurm")), "a rejected submission leaves nothing behind");

        // two tasks of two points each; points 2 and 3 read late.csv, which does not exist yet
        Cli.Result run = Cli.run("sweep", "run", study.toString(), "--executor", "slurm", "--points-per-task", "2", "--throttle", "2");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode first = awaitCollect(study, run.out());
        assertEquals(2, first.get("done").asInt(), first.toString());
        assertEquals(2, first.get("failed").asInt(), first.toString());
        assertEquals(2, first.get("rows").get(2).get("exit_code").asInt());
        assertTrue(Files.readString(study.resolve("logs/003.err")).contains("late.csv"));

        Files.copy(SweepCli.lattice(), late);
        String done0 = Files.readString(study.resolve("markers/000.done"));
        Cli.Result resume = Cli.run("sweep", "resume", study.toString(), "--executor", "slurm");
        assertEquals(0, resume.exitCode(), resume.err());
        assertTrue(resume.out().contains("2 tasks, 2 points"), resume.out());
        JsonNode second = awaitCollect(study, resume.out());
        assertEquals(4, second.get("done").asInt(), second.toString());
        assertEquals(done0, Files.readString(study.resolve("markers/000.done")), "a done point is not rerun");
        SweepCli.assertSameAsTrain(study, 0, tmp);
        SweepCli.assertSameAsTrain(study, 3, tmp);
        Cli.Result status = Cli.run("sweep", "status", study.toString());
        assertTrue(status.out().startsWith("4 points: 4 done, 0 failed"), status.out());
    }

    @Test
    void aKilledTaskLosesOnlyItsPointAndResumeRedoesIt(@TempDir Path tmp) throws Exception {
        Path study = tmp.resolve("study");
        Path spec = SweepCli.spec(tmp, SweepCli.lattice());
        Cli.Result axis = Cli.run("sweep", "plan", spec.toString(), "--out", study.toString(), "--set", "data.dataset=x.csv");
        assertEquals(2, axis.exitCode());
        assertTrue(axis.err().contains("data.dataset is an axis of"), axis.err());
        // two points (seeds 1, 2 on the lattice data), long enough (a few seconds of training) to be killed mid-run
        Files.writeString(spec, Files.readString(spec).replace(", \"" + SweepCli.lattice() + "\"]", "]"));
        assertEquals(0, Cli.run("sweep", "plan", spec.toString(), "--out", study.toString(), "--set", "training.epochs=20000").exitCode());
        Cli.Result run = Cli.run("sweep", "run", study.toString(), "--executor", "slurm");
        assertEquals(0, run.exitCode(), run.err());
        String array = Files.readAllLines(study.resolve("slurm/submissions.jsonl")).get(0).replaceAll(".*\"job\":\"(\\d+)\".*", "$1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(study.resolve("points/001/config.json")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(Files.exists(study.resolve("points/001/config.json")), "point 1 never started");
        Process kill = new ProcessBuilder("scancel", array + "_1").inheritIO().start();
        assertEquals(0, kill.waitFor());
        awaitCollect(study, run.out());
        assertEquals("missing", SweepCli.marker(study, 1), "killed mid-run: no marker");
        assertEquals("done", SweepCli.marker(study, 0));
        Cli.Result resume = Cli.run("sweep", "resume", study.toString(), "--executor", "slurm");
        assertEquals(0, resume.exitCode(), resume.err());
        assertTrue(resume.err().contains("resuming 1"), resume.err());
        assertTrue(resume.out().contains("1 tasks, 1 points"), resume.out());
        JsonNode after = awaitCollect(study, resume.out());
        assertEquals(2, after.get("done").asInt(), after.toString());
        SweepCli.assertSameAsTrain(study, 1, tmp);
    }

    @Test
    void withoutSbatchTheErrorIsOneLine(@TempDir Path tmp) throws Exception {
        Path study = tmp.resolve("study");
        assertEquals(0, Cli.run("sweep", "plan", SweepCli.spec(tmp, SweepCli.lattice()).toString(), "--out", study.toString()).exitCode());
        Process p = HoloProcess.start(Map.of("PATH", tmp.toString()), tmp.resolve("out"), tmp.resolve("err"),
                "sweep", "run", study.toString(), "--executor", "slurm");
        assertEquals(6, p.waitFor());
        String err = Files.readString(tmp.resolve("err")).strip();
        assertTrue(err.startsWith("holo: scontrol not found: SLURM's client commands are not installed"), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(study.resolve("slurm")));
    }

    /**
     * Waits for the collect job named in {@code submitOut} to write its summary and leave the queue (it writes its
     * plots after the summary line; a test that returned earlier would race it for the temporary directory), then
     * reads study.json.
     */
    private static JsonNode awaitCollect(Path study, String submitOut) throws Exception {
        Matcher m = COLLECT.matcher(submitOut);
        assertTrue(m.find(), submitOut);
        String job = m.group(1);
        Path log = study.resolve("slurm").resolve("collect-" + job + ".out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("missing:") && !queued(job)) {
                return ConfigLoader.mapper().readTree(study.resolve("study.json").toFile());
            }
            Thread.sleep(500);
        }
        fail("the collect job " + job + " did not finish in 240 s; study " + List.of(study));
        return null;
    }

    /** Whether the job has yet to end: pending, configuring, running, suspended or completing. */
    private static boolean queued(String job) throws Exception {
        Process p = new ProcessBuilder("squeue", "-h", "-j", job, "-t", "all", "-o", "%T").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "squeue did not answer");
        // an ended job shows its final state (COMPLETED, FAILED, ...) until purged, then squeue exits non-zero
        return p.exitValue() == 0 && List.of("PENDING", "CONFIGURING", "RUNNING", "SUSPENDED", "COMPLETING").contains(out);
    }
}
