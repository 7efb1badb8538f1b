package org.holo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.sweep.LocalExecutor;
import org.holo.train.sweep.Slurm;
import org.holo.train.sweep.SlurmException;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Stop a study's SLURM jobs or local run.",
            "scancel its recorded SLURM jobs (arrays and collect job) and stop a local executor running it. Points"
                + " that were running keep no marker, so holo sweep resume runs them again."})
final class SweepCancelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY")
    Path studyDir;

    @Override
    public Integer call() throws Exception {
        Study study = Study.open(studyDir);
        boolean any = false;
        List<String> ids = Submissions.read(study).stream().map(Submissions.Entry::jobId).toList();
        if (!ids.isEmpty()) {
            any = true;
            try {
                Slurm.Result r = Slurm.scancel(ids);
                if (r.exitCode() != 0 && !r.err().contains("already completing or completed") && !r.err().contains("Invalid job id")) {
                    System.err.println("holo: scancel: " + r.err().strip().lines().findFirst().orElse("exit " + r.exitCode()));
                    return ExitCodes.SCHEDULER_FAILURE;
                }
            } catch (SlurmException e) {
                System.err.println("holo: " + e.getMessage());
                return ExitCodes.SCHEDULER_FAILURE;
            }
            System.err.println("cancelled SLURM jobs " + String.join(", ", ids) + " (those still queued or running)");
        }
        Path pid = study.dir().resolve(LocalExecutor.PID_FILE);
        if (Files.isRegularFile(pid)) {
            any = true;
            long p = Long.parseLong(Files.readString(pid).strip());
            var h = ProcessHandle.of(p).filter(ProcessHandle::isAlive)
                    .filter(x -> x.info().commandLine().map(c -> c.contains("sweep")).orElse(true));
            if (h.isPresent()) {
                h.get().destroy(); // TERM: its shutdown hook stops the point processes
                System.err.println("stopped the local executor (pid " + p + ")");
            } else {
                Files.deleteIfExists(pid);
                System.err.println("the local executor (pid " + p + ") is no longer running");
            }
        }
        if (!any) {
            System.err.println("nothing to cancel: no SLURM submission and no local executor recorded in " + studyDir);
        }
        return ExitCodes.OK;
    }
}
