package org.holo.cli;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.train.config.ConfigLoader;
import org.holo.train.report.Reports;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.RunResult;
import org.holo.train.run.TrainingRun;
import org.holo.train.sweep.Markers;
import org.holo.train.sweep.PointReset;
import org.holo.train.sweep.SlurmExecutor;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.SweepPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs points of a study in this process, one after the other, each exactly as {@code holo train BASE --set ...
 * --out points/NNN --no-plots} would (plots too when the spec asks for them), with its stdout and stderr in
 * logs/NNN.out and logs/NNN.err, and writes its marker. What the executors start; rarely typed by hand.
 */
@Command(name = "point", hidden = true, mixinStandardHelpOptions = true,
        description = "Run points of a study here (what the local and SLURM executors start).")
final class SweepPointCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY")
    Path studyDir;

    @Option(names = "--index", paramLabel = "I", description = "Point index (repeatable).")
    List<Integer> indices = new ArrayList<>();

    @Option(names = "--tasks", paramLabel = "FILE", description = "A submission's tasks.txt (line t: the points of task t).")
    Path tasks;

    @Option(names = "--task", paramLabel = "T", description = "The task's line in --tasks (SLURM_ARRAY_TASK_ID).")
    Integer task;

    @Override
    public Integer call() throws Exception {
        Study study = Study.open(studyDir);
        List<Integer> todo = new ArrayList<>(indices);
        if ((tasks == null) != (task == null)) {
            throw new IllegalArgumentException("--tasks FILE and --task T go together");
        }
        if (tasks != null) {
            todo.addAll(SlurmExecutor.taskPoints(tasks, task));
        }
        if (todo.isEmpty()) {
            throw new IllegalArgumentException("no point given: --index I or --tasks FILE --task T");
        }
        for (int i : todo) {
            study.point(i); // every index exists before any runs
        }
        int worst = ExitCodes.OK;
        for (int i : todo) {
            int code = runPoint(study, i);
            if (worst == ExitCodes.OK && code != ExitCodes.OK && code != ExitCodes.DIVERGED) {
                worst = code;
            }
        }
        return worst;
    }

    /** Runs one point; returns its exit code (that of holo train). */
    static int runPoint(Study study, int index) throws Exception {
        SweepPoint point = study.point(index);
        if (study.markers().state(index) == Markers.State.DONE) {
            System.out.println("point " + index + " (" + point.describe() + "): already done");
            return ExitCodes.OK;
        }
        Path dir = study.runDir(index);
        try {
            PointReset.reset(study, index);
        } catch (IllegalArgumentException e) {
            // another process runs this point now: it writes the marker, not this one
            System.err.println("holo: point " + index + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        long t0 = System.nanoTime();
        int code;
        String message = null;
        Files.createDirectories(study.log(index, "out").getParent());
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try (PrintStream out = new PrintStream(new FileOutputStream(study.log(index, "out").toFile(), true), true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(new FileOutputStream(study.log(index, "err").toFile(), true), true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            System.setErr(err);
            String job = System.getenv("SLURM_JOB_ID");
            err.println("# point " + index + " (" + point.describe() + ") at " + Instant.now() + (job == null ? "" : " in SLURM job " + job));
            try {
                study.requireBaseUnchanged();
                ConfigOptions o = new ConfigOptions();
                o.config = study.base();
                o.overrides = new ArrayList<>(point.overrides());
                ConfigLoader.Loaded loaded = o.load();
                RunResult r = TrainingRun.execute(loaded.config(), loaded.baseDir(), dir, null);
                err.println(String.format(Locale.ROOT, "loss %.5f after %d steps, %.1f s, %s", r.loss(), r.steps(), r.seconds(),
                        r.verdict().converged() ? "converged" : "NOT converged: " + r.verdict().reason()));
                if (study.plots()) {
                    Reports.writeAll(dir).notes().forEach(n -> err.println("plot note: " + n));
                }
                code = r.diverged() ? ExitCodes.DIVERGED : ExitCodes.OK;
            } catch (Exception e) {
                code = Failures.code(e);
                message = Failures.message(e);
                err.println("holo: " + message);
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        boolean done = (code == ExitCodes.OK || code == ExitCodes.DIVERGED) && Files.isRegularFile(dir.resolve(RunDirectory.RESULT));
        study.markers().write(index, done, code, seconds, message);
        System.out.println(String.format(Locale.ROOT, "point %d (%s): %s, exit %d, %.1f s%s", index, point.describe(),
                done ? "done" : "failed", code, seconds, message == null ? "" : ": " + message));
        return code;
    }
}
