package org.holo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Runs {@code holo} in-process with System.out and System.err captured (and restored afterwards). */
public final class Cli {

    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static synchronized Result run(String... args) {
        System.setProperty("ai.djl.offline", "true");
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            code = HoloCommand.execute(args);
            o.flush();
            e.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Path projectRoot() {
        Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("experiments").resolve("hstt2018-qcd.json"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find experiments/ above " + System.getProperty("user.dir"));
    }

    public static String qcd() {
        return projectRoot().resolve("experiments/hstt2018-qcd.json").toString();
    }

    public static String ads() {
        return projectRoot().resolve("experiments/hstt2018-ads-schwarzschild.json").toString();
    }
}
