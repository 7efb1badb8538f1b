package org.holo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.sweep.Markers;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.SweepPoint;
import org.holo.train.sweep.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every point of a planned study, here or on SLURM.",
            "Here: a process per point on all cores (--executor local). SLURM: one job array and a collect job after"
                + " it (--executor slurm). A study that was already started is continued with holo sweep resume."})
final class SweepRunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY")
    Path studyDir;

    @Mixin
    SweepExecutorOptions executor;

    @Override
    public Integer call() throws Exception {
        Study study = Study.open(studyDir);
        study.requireBaseUnchanged();
        boolean started = !Submissions.read(study).isEmpty() || study.points().stream().map(SweepPoint::index)
                .anyMatch(i -> study.markers().state(i) != Markers.State.MISSING || Files.exists(study.runDir(i)));
        if (started && !executor.dryRun) {
            throw new IllegalArgumentException(studyDir + ": the study was already started: holo sweep resume " + studyDir
                    + " runs its missing and failed points");
        }
        List<Integer> all = study.points().stream().map(SweepPoint::index).toList();
        return executor.execute(study, all);
    }
}
