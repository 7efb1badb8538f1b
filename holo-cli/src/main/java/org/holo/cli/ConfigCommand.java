package org.holo.cli;

import java.util.concurrent.Callable;
import org.holo.train.config.ConfigLoader;
import org.holo.train.spectrum.SpectralConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code holo config validate|show FILE}: check a config, or print it resolved (defaults filled in, overrides applied). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check a config file or print it resolved.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Show.class})
final class ConfigCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (validate, show)");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a config: exit 0 and print 'valid' or exit 2 with the field path of the first problem.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            if (options.config != null && SpectralConfigs.isSpectral(options.config)) {
                System.out.println(options.loadSpectral().file() + ": valid");
                return ExitCodes.OK;
            }
            ConfigLoader.Loaded loaded = options.load();
            System.out.println(loaded.file() + ": valid");
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the resolved config (every field, defaults filled in, --set applied, data paths absolute).")
    static final class Show implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            if (options.config != null && SpectralConfigs.isSpectral(options.config)) {
                System.out.print(SpectralConfigs.toJson(options.loadSpectral().config()));
                return ExitCodes.OK;
            }
            System.out.print(ConfigLoader.toJson(options.load().config()));
            return ExitCodes.OK;
        }
    }
}
