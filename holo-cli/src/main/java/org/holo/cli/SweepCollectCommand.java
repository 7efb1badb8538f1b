package org.holo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.StudyCollector;
import org.holo.train.sweep.StudyPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Write study.csv, study.json and plots of a study's results.",
            "A row per point with its axis values, state, exit code and the scalars of its result (loss, converged,"
                + " restarts, L, 1/L, lambda, IR wall, steps, seconds, ...), and plots of one scalar against each axis"
                + " (plots/SCALAR-vs-AXIS.png and .svg: every point, mean and standard deviation over the others)."})
final class SweepCollectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY")
    Path studyDir;

    @Option(names = "--scalar", paramLabel = "NAME", description = "The scalar plotted against each axis (default:"
            + " inverse_L_MeV when the runs have it, else loss); any numeric column of study.csv.")
    String scalar;

    @Option(names = "--no-plots", description = "Only study.csv and study.json.")
    boolean noPlots;

    @Override
    public Integer call() throws Exception {
        Study study = Study.open(studyDir);
        StudyCollector.Collected c = StudyCollector.write(study);
        System.err.println(c.done() + " done, " + c.failed() + " failed, " + c.missing() + " missing: "
                + study.dir().resolve(StudyCollector.CSV) + ", " + study.dir().resolve(StudyCollector.JSON));
        if (!noPlots) {
            String y = scalar;
            if (y == null) {
                y = c.rows().stream().anyMatch(r -> r.path("inverse_L_MeV").isNumber()) ? "inverse_L_MeV" : "loss";
            } else if (!StudyCollector.scalarNames().contains(y) || y.equals("reason") || y.equals("converged")) {
                throw new IllegalArgumentException("--scalar " + y + ": expected one of the numeric columns "
                        + StudyCollector.scalarNames().stream().filter(n -> !n.equals("reason") && !n.equals("converged")).toList());
            }
            List<String> notes = new ArrayList<>();
            List<Path> files = StudyPlots.write(study, c.rows(), y, notes);
            notes.forEach(n -> System.err.println("plot note: " + n));
            System.err.println(files.size() / 2 + " plots of " + y + " in " + study.dir().resolve(StudyPlots.DIR));
        }
        return ExitCodes.OK;
    }
}
