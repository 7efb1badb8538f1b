package org.holo.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The options holo's commands share, each defined once. {@code --verbose} sits on the root command with
 * {@code scope = INHERIT}, so every command at every depth accepts it ({@code holo config validate X --verbose}),
 * and its value is kept on the root's instance (picocli's logging_mixin_simple), where {@link ErrorHandler} reads it.
 * {@link Out} and {@link Quiet} are mixed into the commands that write files or show progress.
 */
final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private boolean verbose;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error; holo train also prints where its time went.")
    void setVerbose(boolean verbose) {
        CommonOptions root = of(mixee);
        (root != null ? root : this).verbose = verbose;
    }

    boolean verbose() {
        return verbose;
    }

    /** The options on the root command of {@code spec}'s command line (a stand-alone command keeps its own). */
    static CommonOptions of(CommandSpec spec) {
        Object root = spec == null ? null : spec.root().userObject();
        return root instanceof HoloCommand h ? h.common : null;
    }

    /** {@code --out}: where a command writes; each command's description gives its default. */
    static final class Out {

        @Option(names = "--out", paramLabel = "PATH", description = "Where to write (the default is in the description above).")
        Path path;

        /** "wrote DIR/FIRST, SECOND, …" for files written into one directory. */
        static String wrote(List<Path> files) {
            StringBuilder sb = new StringBuilder("wrote ").append(files.get(0));
            for (Path f : files.subList(1, files.size())) {
                sb.append(", ").append(f.getFileName());
            }
            return sb.toString();
        }
    }

    /** {@code --quiet}: no progress output. */
    static final class Quiet {

        @Option(names = "--quiet", description = "No progress output (it is also off when stderr is not a terminal or CI=true).")
        boolean quiet;
    }
}
