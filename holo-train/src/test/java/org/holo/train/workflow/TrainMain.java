package org.holo.train.workflow;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.holo.train.config.ConfigLoader;
import org.holo.train.run.TrainingRun;

/** A run in its own JVM, so a test can kill it with SIGKILL: args = config, out dir, overrides... */
public final class TrainMain {

    private TrainMain() {
    }

    public static void main(String[] args) throws Exception {
        ConfigLoader.Loaded loaded = ConfigLoader.load(Paths.get(args[0]), Arrays.asList(args).subList(2, args.length));
        Path out = Paths.get(args[1]);
        TrainingRun.execute(loaded.config(), loaded.baseDir(), out, null);
    }
}
