package org.holo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code holo} command: results go to files, progress and messages to stderr. */
@Command(name = "holo", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Holographic deep learning: learn the bulk metric h(eta) of AdS/QCD from boundary data.",
        subcommands = {TrainCommand.class, GenerateCommand.class, ReproduceCommand.class, ConfigCommand.class, ExportCommand.class, PlotCommand.class, PredictCommand.class, PotentialCommand.class, EnsembleCommand.class, BenchCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class HoloCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        CommandLine cli = new CommandLine(new HoloCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }
}
