package org.holo.cli;

import java.io.IOException;
import java.util.List;
import org.holo.train.sweep.LocalExecutor;
import org.holo.train.sweep.SlurmException;
import org.holo.train.sweep.SlurmExecutor;
import org.holo.train.sweep.Study;
import picocli.CommandLine.Option;

/** Where and how the points of a study run: the options of holo sweep run and resume, and the running itself. */
final class SweepExecutorOptions {

    @Option(names = "--executor", paramLabel = "local|slurm", description = "local: this machine (default); slurm: one job array.")
    String executor = "local";

    @Option(names = "--jobs", paramLabel = "N", description = "local: points at once (default: all cores).")
    Integer jobs;

    @Option(names = "--partition", paramLabel = "P", description = "slurm: sbatch --partition.")
    String partition;

    @Option(names = "--account", paramLabel = "A", description = "slurm: sbatch --account.")
    String account;

    @Option(names = "--qos", paramLabel = "Q", description = "slurm: sbatch --qos.")
    String qos;

    @Option(names = "--time", paramLabel = "T", description = "slurm: sbatch --time of one task, e.g. 00:30:00.")
    String time;

    @Option(names = "--mem", paramLabel = "M", description = "slurm: sbatch --mem of one task, e.g. 2G.")
    String mem;

    @Option(names = "--throttle", paramLabel = "N", description = "slurm: at most N tasks of the array at once (--array=...%%N).")
    Integer throttle;

    @Option(names = "--points-per-task", paramLabel = "N", description = "slurm: points one array task runs in turn (default 1; more for short points).")
    int pointsPerTask = 1;

    @Option(names = "--dry-run", description = "slurm: print the batch script and sbatch commands; submit and write nothing.")
    boolean dryRun;

    /** Runs or submits {@code indices}; returns the exit code. */
    int execute(Study study, List<Integer> indices) throws IOException, InterruptedException {
        if (!executor.equals("local") && !executor.equals("slurm")) {
            throw new IllegalArgumentException("--executor " + executor + ": expected local or slurm");
        }
        if (executor.equals("local")) {
            if (dryRun) {
                throw new IllegalArgumentException("--dry-run is for --executor slurm");
            }
            if (indices.isEmpty()) {
                System.err.println("nothing to run: every point is done");
                return ExitCodes.OK;
            }
            int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
            System.err.println("running " + indices.size() + " points, " + n + " at once");
            LocalExecutor.Outcome o = LocalExecutor.run(study, indices, SweepCommand.launcher(), n, System.err);
            System.err.println(o.done() + " done, " + o.failed() + " failed (holo sweep status " + study.dir() + ")");
            return o.failed() == 0 ? ExitCodes.OK : ExitCodes.POINTS_FAILED;
        }
        if (jobs != null) {
            throw new IllegalArgumentException("--jobs is for --executor local (use --throttle on SLURM)");
        }
        if (indices.isEmpty()) {
            System.err.println("nothing to submit: every point is done, pending or running");
            return ExitCodes.OK;
        }
        SlurmExecutor.Options o = new SlurmExecutor.Options(partition, account, qos, time, mem, throttle, pointsPerTask);
        try {
            SlurmExecutor.submit(study, indices, SweepCommand.launcher(), o, dryRun, System.out);
        } catch (SlurmException e) {
            System.err.println("holo: " + e.getMessage());
            return ExitCodes.SCHEDULER_FAILURE;
        }
        return ExitCodes.OK;
    }
}
