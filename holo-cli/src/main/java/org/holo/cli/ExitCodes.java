package org.holo.cli;

/** Process exit codes of every holo command. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Bad usage, config or data. */
    public static final int BAD_INPUT = 2;
    /** Training diverged (non-finite loss or gradient). */
    public static final int DIVERGED = 3;
    /** Reading or writing files failed. */
    public static final int IO_FAILURE = 4;

    private ExitCodes() {
    }
}
