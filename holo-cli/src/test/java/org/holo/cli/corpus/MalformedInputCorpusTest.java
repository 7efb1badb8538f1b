package org.holo.cli.corpus;

import org.holo.cli.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (corpus/cases.txt): every malformed config, data file and command line exits with its
 * code (2 bad input, 4 I/O failure) and one line on stderr that names the problem, without a stack trace, and
 * leaves nothing behind: the --out directory does not exist or is empty, existing outputs are untouched.
 */
class MalformedInputCorpusTest {

    /** One line of cases.txt. */
    record Case(int lineNo, String file, int exitCode, String args, List<String> keywords) {
        @Override
        public String toString() {
            return (file.equals("-") ? args : file) + " (cases.txt:" + lineNo + ")";
        }
    }

    private static Set<String> corpusBefore;

    @TempDir
    Path tmp;

    static List<Case> cases() throws IOException {
        List<String> lines = Files.readAllLines(CorpusCli.corpus().resolve("cases.txt"), StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" \\| ", -1);
            if (parts.length != 4) {
                throw new IllegalStateException("cases.txt:" + (i + 1) + ": expected 'file | exit | args | keywords', got " + line);
            }
            List<String> keywords = Arrays.stream(parts[3].split(";")).map(String::strip).filter(k -> !k.isEmpty())
                    .collect(Collectors.toList());
            cases.add(new Case(i + 1, parts[0].strip(), Integer.parseInt(parts[1].strip()), parts[2].strip(), keywords));
        }
        return cases;
    }

    @BeforeAll
    static void snapshotCorpus() throws IOException {
        corpusBefore = listing(CorpusCli.corpus());
    }

    @AfterAll
    static void corpusIsUntouched() throws IOException {
        assertEquals(corpusBefore, listing(CorpusCli.corpus()), "running the corpus must not write into it");
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInputIsRejectedCleanly(Case c) throws IOException {
        Path corpus = CorpusCli.corpus();
        Path file = c.file().equals("-") ? null : corpus.resolve(c.file());
        if (file != null) {
            assertTrue(Files.exists(file), "corpus file missing: " + file);
        }
        Path nonEmpty = Files.createDirectories(tmp.resolve("used-run"));
        Files.writeString(nonEmpty.resolve("keep.txt"), "precious");
        Path plainFile = Files.writeString(tmp.resolve("not-a-directory"), "precious");
        Path underFile = plainFile.resolve("run");

        List<String> args = new ArrayList<>();
        for (String token : c.args().split("\\s+")) {
            args.add(substitute(token, corpus, file, nonEmpty, plainFile, underFile));
        }
        String command = args.isEmpty() ? "" : args.get(0);
        Path out = tmp.resolve(command.equals("generate") ? "out.csv" : "out");
        boolean noOut = args.remove("{no-out}");
        if ((command.equals("train") || command.equals("generate")) && !args.contains("--out") && !noOut) {
            args.add("--out");
            args.add(out.toString());
        }
        if (command.equals("train") && !args.contains("--quiet")) {
            args.add(1, "--quiet");
        }

        Cli.Result r = Cli.run(args.toArray(new String[0]));
        String err = r.err().strip();
        String context = "holo " + String.join(" ", args) + "\nstderr: " + r.err();
        if (Boolean.getBoolean("corpus.print")) {
            System.out.println("CASE " + c + " -> exit " + r.exitCode() + ": " + err.lines().findFirst().orElse(""));
        }

        assertEquals(c.exitCode(), r.exitCode(), context);
        for (String k : c.keywords()) {
            String expected = substitute(k, corpus, file, nonEmpty, plainFile, underFile);
            assertTrue(err.contains(expected), "the message should mention '" + expected + "'\n" + context);
        }
        assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("com.fasterxml"),
                "no stack trace or Java internals\n" + context);
        if (err.startsWith("holo: ")) {
            assertFalse(err.contains("\n"), "one line\n" + context);
        } else {
            // a usage error found by picocli: its message first, then usage or suggestions
            String first = err.lines().findFirst().orElse("");
            assertTrue(!c.keywords().isEmpty() && first.contains(c.keywords().get(0)), "the usage error comes first\n" + context);
        }
        assertEquals("", r.out(), "nothing on stdout\n" + context);

        // nothing half-written
        assertTrue(!Files.exists(out) || (Files.isDirectory(out) && isEmpty(out)), "--out must not exist or be empty\n" + context);
        assertEquals(List.of("keep.txt"), names(nonEmpty), "a used directory is left alone");
        assertEquals("precious", Files.readString(nonEmpty.resolve("keep.txt")));
        assertEquals("precious", Files.readString(plainFile), "an existing file is left alone");
        try (Stream<Path> s = Files.walk(tmp)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
            assertEquals(List.of(), temps, "no temporary files left behind");
        }
    }

    private static String substitute(String s, Path corpus, Path file, Path nonEmpty, Path plainFile, Path underFile) {
        String r = s.replace("{corpus}", corpus.toString())
                .replace("{out-nonempty}", nonEmpty.toString())
                .replace("{out-file}", plainFile.toString())
                .replace("{out-under-file}", underFile.toString());
        if (file != null) {
            r = r.replace("{file}", file.toString());
        }
        return r;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyCorpusFileHasACaseAndTheCorpusIsLargeEnough() throws IOException {
        Path corpus = CorpusCli.corpus();
        Set<String> referenced = cases().stream().map(Case::file).filter(f -> !f.equals("-")).collect(Collectors.toSet());
        Set<String> files = new TreeSet<>();
        for (String dir : List.of("config", "data")) {
            try (Stream<Path> s = Files.walk(corpus.resolve(dir))) {
                s.filter(Files::isRegularFile).forEach(p -> files.add(corpus.relativize(p).toString().replace('\\', '/')));
            }
        }
        Set<String> orphans = new TreeSet<>(files);
        orphans.removeAll(referenced);
        assertEquals(Set.of(), orphans, "corpus files without a line in cases.txt");
        assertTrue(files.size() >= 50, "at least 50 malformed configs and data files, found " + files.size());
        long configs = files.stream().filter(f -> f.startsWith("config/")).count();
        long data = files.stream().filter(f -> f.startsWith("data/")).count();
        assertTrue(configs >= 25 && data >= 25, "configs " + configs + ", data files " + data);
    }
}
