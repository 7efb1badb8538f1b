package org.holo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigLoader;
import org.holo.train.data.DataSources;
import org.holo.train.run.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write the sampled, labelled training set of a config as CSV",
            "(columns phi,pi,label or m_q_GeV,condensate_GeV3,label; label 0 = positive, 1 = negative)."})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv",
            description = "Where to write the data: CSV, or NumPy .npy when the name ends in .npy.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Loaded loaded = options.load();
        Experiment e = Experiment.build(loaded.config(), loaded.baseDir());
        if (DataSources.isNpy(out)) {
            AtomicFiles.write(out, e.data()::writeNpy);
        } else {
            AtomicFiles.write(out, e.data()::writeCsv);
        }
        System.err.println("wrote " + e.data().size() + " points (" + e.data().positives() + " positive) to " + out);
        return ExitCodes.OK;
    }
}
