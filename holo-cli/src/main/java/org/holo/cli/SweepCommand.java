package org.holo.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code holo sweep}: studies of many runs over axes of config values, on this machine or on SLURM. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Parameter sweeps: plan a study, run it here or on SLURM, follow, resume and collect it.",
            "See docs/sweeps.md."},
        subcommands = {SweepPlanCommand.class, SweepRunCommand.class, SweepResumeCommand.class, SweepStatusCommand.class,
            SweepCancelCommand.class, SweepCollectCommand.class, SweepPointCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:bad usage, spec or study", "4:I/O failure", "6:the scheduler is missing or refused a request",
            "7:some points failed (see holo sweep status)"})
final class SweepCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see holo sweep --help)");
    }

    /** The command that starts this same holo: this Java, its -D/-X options, this class path, the main class. */
    static List<String> launcher() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((a.startsWith("-D") || a.startsWith("-X")) && !a.startsWith("-Xrunjdwp") && !a.startsWith("-Xdebug")) {
                cmd.add(a);
            }
        }
        if (!cmd.contains("-Dai.djl.offline=true")) {
            cmd.add("-Dai.djl.offline=true");
        }
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(HoloCommand.class.getName());
        return cmd;
    }

    /** The java binary of this JVM. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
