package org.holo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ReadOnlyFileSystemException;
import org.holo.core.data.DataFormatException;
import org.holo.train.config.ConfigException;

/** The exit code and one-line message of a failure, as {@link ErrorHandler} gives them, for code that goes on after one. */
final class Failures {

    private Failures() {
    }

    static int code(Exception ex) {
        if (ex instanceof ConfigException || ex instanceof DataFormatException || ex instanceof IllegalArgumentException) {
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof ReadOnlyFileSystemException) {
            return ExitCodes.IO_FAILURE;
        }
        return 1;
    }

    static String message(Exception ex) {
        String m;
        int code = code(ex);
        if (code == ExitCodes.BAD_INPUT) {
            m = ex.getMessage() == null ? "invalid input" : ex.getMessage();
        } else if (code == ExitCodes.IO_FAILURE) {
            m = "I/O failure: " + ErrorHandler.describe(ex);
        } else {
            m = "internal error: " + ex;
        }
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
