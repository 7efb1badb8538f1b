package org.holo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.holo.train.sweep.Study;
import org.holo.train.sweep.StudyCollector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Write study.csv and study.json: a row per point with its axis values, state, exit code and the",
            "scalars of its result (loss, converged, restarts, L, 1/L, lambda, IR wall, steps, seconds, ...)."})
final class SweepCollectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY")
    Path studyDir;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Study study = Study.open(studyDir);
        StudyCollector.Collected c = StudyCollector.write(study);
        System.err.println(c.done() + " done, " + c.failed() + " failed, " + c.missing() + " missing: "
                + study.dir().resolve(StudyCollector.CSV) + ", " + study.dir().resolve(StudyCollector.JSON));
        return ExitCodes.OK;
    }
}
