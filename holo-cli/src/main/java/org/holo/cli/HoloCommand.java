package org.holo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.component.Plugins;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code holo} command: results go to files, progress and messages to stderr. */
@Command(name = "holo", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Holographic deep learning: learn the bulk metric h(eta) of AdS/QCD from boundary data.",
        subcommands = {TrainCommand.class, GenerateCommand.class, ReproduceCommand.class, ConfigCommand.class, ExportCommand.class,
            PlotCommand.class, PredictCommand.class, PotentialCommand.class, EnsembleCommand.class, BenchCommand.class,
            ComponentsCommand.class, SweepCommand.class, ModesCommand.class, PosteriorCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:internal error (a bug: please report it)", "2:bad usage, config or data",
            "3:training diverged", "4:I/O failure", "5:holo reproduce: the results differ",
            "6:holo sweep: the scheduler is missing or refused a request", "7:holo sweep: some points failed"})
public final class HoloCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = {"Directories of plugin jars (or single jars) whose components join Holo's, before the command runs;"
                + " repeatable. The environment variable " + Plugins.ENV + " (a path list) adds more.",
                "See holo components."})
    List<Path> plugins = new ArrayList<>();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see holo --help)");
    }

    public static void main(String[] args) {
        // DJL must never look for its download servers: set before any DJL class can load
        System.setProperty("ai.djl.offline", "true");
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        HoloCommand holo = new HoloCommand();
        CommandLine cli = new CommandLine(holo);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExecutionStrategy(parsed -> {
            try {
                holo.usePlugins();
            } catch (RuntimeException e) {
                throw new CommandLine.ExecutionException(cli, String.valueOf(e.getMessage()), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }

    /** The plugin directories of HOLO_PLUGINS, then of --plugins, added before any registry is read. */
    private void usePlugins() {
        use(Plugins.ENV, Plugins.fromEnvironment());
        use("--plugins", plugins);
    }

    private static void use(String from, List<Path> directories) {
        if (directories.isEmpty()) {
            return;
        }
        try {
            Plugins.use(directories);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(from + ": " + e.getMessage(), e);
        }
    }
}
