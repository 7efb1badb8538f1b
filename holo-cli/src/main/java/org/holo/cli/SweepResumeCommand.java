package org.holo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.sweep.SlurmException;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.StudyStatus;
import org.holo.train.sweep.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Run or submit exactly the missing and failed points of a study.",
            "Never one that is done, or pending or running on SLURM or here. Takes the options of holo sweep run."})
final class SweepResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY")
    Path studyDir;

    @Mixin
    SweepExecutorOptions executor;

    @Override
    public Integer call() throws Exception {
        Study study = Study.open(studyDir);
        study.requireBaseUnchanged();
        List<StudyStatus.PointState> states;
        try {
            states = StudyStatus.of(study, !Submissions.read(study).isEmpty());
        } catch (SlurmException e) {
            System.err.println("holo: " + e.getMessage() + " (cannot tell which points are still queued)");
            return ExitCodes.SCHEDULER_FAILURE;
        }
        List<Integer> todo = states.stream()
                .filter(s -> s.state() == StudyStatus.State.MISSING || s.state() == StudyStatus.State.FAILED)
                .map(StudyStatus.PointState::index).toList();
        System.err.println(StudyStatus.summary(states) + "; resuming " + todo.size());
        return executor.execute(study, todo);
    }
}
