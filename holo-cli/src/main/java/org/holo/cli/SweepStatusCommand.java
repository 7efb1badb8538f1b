package org.holo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.train.sweep.SlurmException;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.StudyStatus;
import org.holo.train.sweep.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Where each point of a study stands.",
            "Done and failed from the markers on disk, pending and running from squeue for the recorded SLURM jobs"
                + " (no accounting database needed), running here from live claims. Prints a summary line and the"
                + " points that are not done (all with --all)."})
final class SweepStatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY")
    Path studyDir;

    @Option(names = "--all", description = "List every point, done ones included.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        Study study = Study.open(studyDir);
        boolean ask = !Submissions.read(study).isEmpty();
        List<StudyStatus.PointState> states;
        try {
            states = StudyStatus.of(study, ask);
        } catch (SlurmException e) {
            System.err.println("holo: " + e.getMessage() + "; showing the markers only");
            states = StudyStatus.of(study, false);
        }
        List<String> header = new ArrayList<>(List.of("index"));
        header.addAll(study.axisNames());
        header.addAll(List.of("state", "exit", "detail"));
        List<List<String>> rows = new ArrayList<>();
        for (StudyStatus.PointState s : states) {
            if (!all && s.state() == StudyStatus.State.DONE) {
                continue;
            }
            List<String> r = new ArrayList<>(List.of(Integer.toString(s.index())));
            for (String a : study.axisNames()) {
                var v = study.point(s.index()).axes().get(a);
                r.add(v.isTextual() ? v.asText() : v.toString());
            }
            r.add(s.state().name().toLowerCase(Locale.ROOT));
            r.add(s.exitCode() == null ? "" : s.exitCode().toString());
            r.add(s.detail() == null ? "" : s.detail());
            rows.add(r);
        }
        System.out.println(StudyStatus.summary(states));
        if (!rows.isEmpty()) {
            System.out.print(Tables.format(header, rows));
        }
        return ExitCodes.OK;
    }
}
