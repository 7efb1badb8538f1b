package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --verbose, --out and --quiet are defined once and work at every depth; errors map to exit codes in one place. */
class CommonOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void verboseWorksOnANestedSubcommandAndBeforeIt() {
        String missing = tmp.resolve("nope.json").toString();
        Cli.Result plain = Cli.run("config", "validate", missing);
        assertEquals(ExitCodes.BAD_INPUT, plain.exitCode(), plain.err());
        assertEquals(1, plain.err().strip().lines().count(), "one line without --verbose: " + plain.err());
        for (String[] args : new String[][] {{"config", "validate", missing, "--verbose"}, {"config", "--verbose", "validate", missing},
            {"--verbose", "config", "validate", missing}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("holo: ") && r.err().contains("\tat "), String.join(" ", args) + ": " + r.err());
        }
    }

    @Test
    void everyCommandAcceptsVerbose() {
        for (CommandLine c : commands(new CommandLine(new HoloCommand()))) {
            assertNotNull(c.getCommandSpec().findOption("--verbose"), c.getCommandSpec().qualifiedName());
        }
    }

    /** Only CommonOptions declares --verbose, --out and --quiet: a command mixes them in. */
    @Test
    void sharedOptionsAreDeclaredOnce() {
        Set<String> shared = Set.of("--verbose", "--out", "--quiet");
        List<String> declaredBy = new ArrayList<>();
        for (CommandLine c : commands(new CommandLine(new HoloCommand()))) {
            Class<?> type = c.getCommandSpec().userObject().getClass();
            List<java.lang.reflect.AnnotatedElement> members = new ArrayList<>(List.of(type.getDeclaredFields()));
            members.addAll(List.of(type.getDeclaredMethods()));
            for (java.lang.reflect.AnnotatedElement m : members) {
                CommandLine.Option o = m.getAnnotation(CommandLine.Option.class);
                if (o != null && List.of(o.names()).stream().anyMatch(shared::contains)) {
                    declaredBy.add(type.getSimpleName() + "." + (m instanceof Field f ? f.getName() : ((Method) m).getName()));
                }
            }
        }
        assertEquals(List.of(), declaredBy);
        CommandLine.Model.CommandSpec train = new CommandLine(new HoloCommand()).getSubcommands().get("train").getCommandSpec();
        assertNotNull(train.findOption("--out"));
        assertNotNull(train.findOption("--quiet"));
    }

    @Test
    void errorsWithoutAMessageOrAFileAreOneLine() {
        record Case(Exception ex, int code, String line) {
        }
        for (Case c : List.of(new Case(new IllegalArgumentException(), ExitCodes.BAD_INPUT, "holo: invalid input (IllegalArgumentException)"),
                new Case(new NoSuchFileException(null), ExitCodes.IO_FAILURE, "holo: I/O failure: no such file or directory"),
                new Case(new java.io.IOException(), ExitCodes.IO_FAILURE, "holo: I/O failure: IOException"),
                new Case(new IllegalStateException(), ExitCodes.INTERNAL_ERROR, "holo: internal error: java.lang.IllegalStateException"
                        + " (please report it; rerun with --verbose for the stack trace)"))) {
            CommandLine cli = new CommandLine(new HoloCommand());
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            int code = new ErrorHandler().handleExecutionException(c.ex(), cli, null);
            assertEquals(c.code(), code, c.ex().toString());
            assertEquals(c.line(), err.toString().strip());
        }
    }

    @Test
    void resultsDifferIsNotAnInternalError() {
        assertFalse(ExitCodes.RESULTS_DIFFER == ExitCodes.INTERNAL_ERROR);
        Set<Integer> codes = Set.of(ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT, ExitCodes.DIVERGED, ExitCodes.IO_FAILURE,
                ExitCodes.RESULTS_DIFFER);
        assertEquals(6, codes.size(), "every exit code means one thing");
        Cli.Result help = Cli.run("reproduce", "--help");
        assertTrue(help.out().contains(ExitCodes.RESULTS_DIFFER + "   the results differ"), help.out());
    }

    static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!(sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand)) {
                all.addAll(commands(sub));
            }
        }
        return all;
    }
}
