package org.holo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ReadOnlyFileSystemException;
import org.holo.train.config.ConfigException;
import picocli.CommandLine;

/** Process exit codes of every holo command, and the one place where failures are mapped to them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A bug: a failure Holo did not foresee (the message asks to report it). */
    public static final int INTERNAL_ERROR = 1;
    /** Bad usage, config or data. */
    public static final int BAD_INPUT = 2;
    /** Training diverged (non-finite loss or gradient). */
    public static final int DIVERGED = 3;
    /** Reading or writing files failed. */
    public static final int IO_FAILURE = 4;
    /** holo reproduce: the re-run is not identical to the record. */
    public static final int RESULTS_DIFFER = 5;
    /** holo sweep: SLURM is missing or refused a submission, a query or a cancel. */
    public static final int SCHEDULER_FAILURE = 6;
    /** holo sweep run/resume: some points ended without a result (their failed markers say why). */
    public static final int POINTS_FAILED = 7;

    private ExitCodes() {
    }

    /** The exit code of a failure, by its type. */
    static int of(Throwable ex) {
        if (ex instanceof ConfigException || ex instanceof IllegalArgumentException || ex instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof ReadOnlyFileSystemException) {
            return IO_FAILURE;
        }
        if (ex instanceof org.holo.train.sweep.SlurmException) {
            return SCHEDULER_FAILURE;
        }
        return INTERNAL_ERROR;
    }
}
