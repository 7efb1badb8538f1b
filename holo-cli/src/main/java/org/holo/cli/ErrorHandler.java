package org.holo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import org.holo.core.data.DataFormatException;
import org.holo.train.config.ConfigException;
import picocli.CommandLine;

/** Maps failures to one clear line on stderr and an exit code; a stack trace only with --verbose. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand(); // holo sweep status --verbose: the option is the innermost command's
        }
        boolean verbose = leaf != parsed && leaf.hasMatchedOption("--verbose");
        int code;
        String message;
        if (ex instanceof ConfigException || ex instanceof DataFormatException || ex instanceof IllegalArgumentException) {
            code = ExitCodes.BAD_INPUT;
            message = ex.getMessage() == null ? "invalid input" : ex.getMessage();
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof ReadOnlyFileSystemException) {
            code = ExitCodes.IO_FAILURE;
            message = "I/O failure: " + describe(ex);
        } else {
            code = 1;
            message = "internal error: " + ex + " (please report it; rerun with --verbose for the stack trace)";
        }
        cli.getErr().println("holo: " + oneLine(message));
        if (verbose) {
            ex.printStackTrace(cli.getErr());
        }
        return code;
    }

    /** What went wrong with which file, in words: NIO exceptions often carry only the path as their message. */
    static String describe(Throwable ex) {
        if (ex instanceof UncheckedIOException) {
            String context = ex.getMessage();
            Throwable cause = ex.getCause();
            String what = cause == null ? null : describe(cause);
            if (context == null || (cause != null && context.equals(cause.toString()))) {
                return what == null ? "unknown" : what;
            }
            return what == null ? context : context + ": " + what;
        }
        if (ex instanceof ReadOnlyFileSystemException) {
            return "read-only file system";
        }
        if (ex instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) ex;
            String file = f.getOtherFile() != null ? f.getOtherFile() : f.getFile();
            String reason = f.getReason();
            if (reason == null) {
                if (ex instanceof NoSuchFileException) {
                    reason = "no such file or directory";
                } else if (ex instanceof AccessDeniedException) {
                    reason = "permission denied";
                } else if (ex instanceof FileAlreadyExistsException) {
                    reason = "already exists (is a file where a directory is needed?)";
                } else if (ex instanceof NotDirectoryException) {
                    reason = "not a directory";
                } else if (ex instanceof DirectoryNotEmptyException) {
                    reason = "directory not empty";
                } else {
                    reason = "file system error";
                }
            }
            if (f.getOtherFile() != null && "Is a directory".equals(reason)) {
                reason = "is a directory, expected a file name";
            }
            return file == null ? reason : untemp(file) + ": " + reason;
        }
        String m = ex.getMessage();
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    /** The temporary sibling ".NAME.XXXX.tmp" of an atomic write stands for the file NAME being written. */
    private static String untemp(String file) {
        return file.replaceAll("(^|/)\\.([^/]+)\\.[0-9a-fA-F]+\\.tmp$", "$1$2");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
