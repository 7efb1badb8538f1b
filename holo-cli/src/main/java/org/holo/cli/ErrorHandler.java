package org.holo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.holo.core.data.DataFormatException;
import org.holo.train.config.ConfigException;
import picocli.CommandLine;

/** Maps failures to one clear line on stderr and an exit code; a stack trace only with --verbose. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
        int code;
        String message;
        if (ex instanceof ConfigException || ex instanceof DataFormatException || ex instanceof IllegalArgumentException) {
            code = ExitCodes.BAD_INPUT;
            message = ex.getMessage();
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            code = ExitCodes.IO_FAILURE;
            message = "I/O failure: " + ex.getMessage();
        } else {
            code = 1;
            message = "internal error: " + ex + " (please report it; rerun with --verbose for the stack trace)";
        }
        cli.getErr().println("holo: " + message);
        if (verbose) {
            ex.printStackTrace(cli.getErr());
        }
        return code;
    }
}
