package org.holo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigLoader;
import org.holo.train.data.DataSources;
import org.holo.train.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write the sampled, labelled training set of a config as CSV",
            "(columns phi,pi,label or m_q_GeV,condensate_GeV3,label; label 0 = positive, 1 = negative)",
            "to --out FILE.csv (required)."})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Mixin
    CommonOptions.Out out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out.path == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=PATH' (the CSV file to write)");
        }
        ConfigLoader.Loaded loaded = options.load();
        Experiment e = Experiment.build(loaded.config(), loaded.baseDir());
        if (DataSources.isNpy(out.path)) {
            AtomicFiles.write(out.path, e.data()::writeNpy);
        } else {
            AtomicFiles.write(out.path, e.data()::writeCsv);
        }
        System.err.println("wrote " + e.data().size() + " points (" + e.data().positives() + " positive) to " + out.path);
        return ExitCodes.OK;
    }
}
