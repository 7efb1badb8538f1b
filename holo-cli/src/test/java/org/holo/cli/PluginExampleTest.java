package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.holo.core.component.Plugins;
import org.holo.train.run.Reproduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/plugin-example, built here as its README builds it (minus Maven, which a test cannot assume offline):
 * its main sources compiled against Holo's class path and jarred with their services entries, then dropped in with
 * --plugins. It must list, train, run in an ensemble (on cpu, and on djl from its tensor form), reproduce, export and plot;
 * without it, its run is refused.
 * Every holo runs in a fresh process: a plugin loaded in this JVM would stay loaded for the other tests.
 */
class PluginExampleTest {

    private static final String JAR = "holo-plugin-example.jar";

    @TempDir
    Path tmp;

    @Test
    void thePluginExampleTrainsRunsInAnEnsembleReproducesExportsAndPlots() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        buildExample(plugins.resolve(JAR));
        String dir = plugins.toString();
        String config = Cli.ads();
        String[] small = {"--set", "model.scheme=midpoint", "--set", "training.epochs=2", "--set", "data.positives=500",
            "--set", "data.negatives=500", "--quiet"};
        Path run1 = tmp.resolve("run-seed1");
        Path run2 = tmp.resolve("run-seed2");
        Path ensemble = tmp.resolve("ensemble");
        Path onDjl = tmp.resolve("ensemble-djl");

        List<Cli.Result> r = holo(
                List.of("--plugins", dir, "components"),
                List.of(concat(new String[] {"--plugins", dir, "train", config, "--no-plots", "--out", run1.toString()}, small)),
                List.of(concat(new String[] {"--plugins", dir, "train", config, "--no-plots", "--seed", "2", "--out", run2.toString()}, small)),
                List.of(concat(new String[] {"--plugins", dir, "ensemble", config, "--seeds", "1..2", "--backend", "cpu", "--no-plots",
                    "--out", ensemble.toString()}, small)),
                List.of("--plugins", dir, "reproduce", run1.toString(), "--out", tmp.resolve("reproduced").toString()),
                List.of("--plugins", dir, "export", run1.toString()),
                List.of("--plugins", dir, "plot", run1.toString()),
                List.of(concat(new String[] {"--plugins", dir, "ensemble", config, "--seeds", "1..2", "--backend", "djl", "--device", "cpu",
                    "--no-plots", "--out", onDjl.toString()}, small)));
        for (Cli.Result each : r) {
            assertEquals(ExitCodes.OK, each.exitCode(), each.err());
        }

        String components = r.get(0).out();
        assertTrue(components.lines().anyMatch(l -> l.matches("  midpoint +" + JAR.replace(".", "\\.") + " +explicit midpoint \\(RK2\\).*")),
                components);
        assertTrue(components.lines().anyMatch(l -> l.matches("  volume-factor +" + JAR.replace(".", "\\.") + " +volume factor .*")),
                components);
        assertTrue(Files.readString(run1.resolve("config.json")).contains("\"scheme\" : \"midpoint\""), "the run records its scheme");
        String sha = java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(plugins.resolve(JAR))));
        com.fasterxml.jackson.databind.JsonNode used = org.holo.train.config.ConfigLoader.mapper()
                .readTree(run1.resolve("provenance.json").toFile()).path("plugins");
        assertEquals(1, used.size(), "provenance records the plugin jar: " + used);
        assertEquals(sha, used.get(0).path("sha256").asText(), "with the SHA-256 of the jar that was loaded");
        assertEquals(List.of(), Reproduction.diff(run1, ensemble.resolve("seed-1")), "ensemble member 1 is the single run of seed 1");
        assertEquals(List.of(), Reproduction.diff(run2, ensemble.resolve("seed-2")), "ensemble member 2 is the single run of seed 2");
        assertTrue(r.get(4).out().contains("identical"), r.get(4).out());
        assertTrue(Files.size(run1.resolve("export/metric.csv")) > 0, r.get(5).out());
        assertTrue(Files.size(run1.resolve("plots/metric.png")) > 0, r.get(6).out());
        // on djl the scheme runs from its tensor form: 200 lockstep steps end where the adjoint's do, to rounding
        for (String seed : List.of("seed-1", "seed-2")) {
            com.fasterxml.jackson.databind.JsonNode cpuH = org.holo.train.config.ConfigLoader.mapper()
                    .readTree(ensemble.resolve(seed).resolve("result.json").toFile()).path("h");
            com.fasterxml.jackson.databind.JsonNode djlH = org.holo.train.config.ConfigLoader.mapper()
                    .readTree(onDjl.resolve(seed).resolve("result.json").toFile()).path("h");
            assertEquals(cpuH.size(), djlH.size(), seed);
            assertTrue(cpuH.size() > 0, seed);
            for (int i = 0; i < cpuH.size(); i++) {
                double a = cpuH.get(i).asDouble();
                assertEquals(a, djlH.get(i).asDouble(), 1e-10 * Math.abs(a), seed + " h_" + i + " on djl");
            }
        }

        // the same run without the plugin: refused with one error line that names the unknown scheme, and nothing written
        Path without = tmp.resolve("reproduced-without-plugin");
        Cli.Result refused = holo(List.of("reproduce", run1.toString(), "--out", without.toString())).get(0);
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.err());
        List<String> errors = refused.err().lines().filter(l -> l.startsWith("holo: ")).collect(Collectors.toList());
        assertEquals(1, errors.size(), refused.err());
        assertTrue(errors.get(0).endsWith("config.json: model.scheme: unknown layer scheme 'midpoint' (known: euler, rk4)"), refused.err());
        assertFalse(Files.exists(without.resolve("result.json")));
    }

    /**
     * Runs the given holo command lines one after another in one fresh JVM (on this test's class path, HOLO_PLUGINS unset),
     * through {@link Session}: a plugin must not stay loaded in the JVM of the other tests, and one JVM start is cheaper than seven.
     */
    @SafeVarargs
    private List<Cli.Result> holo(List<String>... commands) throws IOException, InterruptedException {
        Path session = Files.createTempDirectory(tmp, "session");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Session.class.getName(), session.toString()));
        for (List<String> c : commands) {
            cmd.add(String.valueOf(c.size()));
            cmd.addAll(c);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(session.resolve("session.log").toFile());
        pb.environment().remove(Plugins.ENV);
        pb.environment().put("DJL_OFFLINE", "true");
        int code = pb.start().waitFor();
        assertEquals(0, code, Files.readString(session.resolve("session.log")));
        List<Cli.Result> results = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            results.add(new Cli.Result(Integer.parseInt(Files.readString(session.resolve(i + ".code")).strip()),
                    Files.readString(session.resolve(i + ".out")), Files.readString(session.resolve(i + ".err"))));
        }
        return results;
    }

    /** The child JVM: args DIR, then per command its word count and words; writes DIR/i.out, i.err, i.code. */
    public static final class Session {
        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            int at = 1;
            for (int i = 0; at < args.length; i++) {
                int n = Integer.parseInt(args[at]);
                String[] words = java.util.Arrays.copyOfRange(args, at + 1, at + 1 + n);
                at += 1 + n;
                Cli.Result r = Cli.run(words);
                Files.writeString(dir.resolve(i + ".out"), r.out());
                Files.writeString(dir.resolve(i + ".err"), r.err());
                Files.writeString(dir.resolve(i + ".code"), Integer.toString(r.exitCode()));
            }
        }
    }

    /** Compiles the example's main sources against Holo's classes and jars them with its META-INF/services. */
    private void buildExample(Path jar) throws IOException {
        Path example = Cli.projectRoot().resolve("examples/plugin-example/src/main");
        List<String> sources;
        try (Stream<Path> s = Files.walk(example.resolve("java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().collect(Collectors.toList());
        }
        assertFalse(sources.isEmpty(), "no sources under " + example);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        List<String> javacArgs = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path")));
        javacArgs.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, javacArgs.toArray(String[]::new)), "the example does not compile");
        // its own tests run in its Maven build, outside the reactor; compiling them here catches an interface change
        List<String> tests;
        try (Stream<Path> s = Files.walk(example.resolveSibling("test").resolve("java"))) {
            tests = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().collect(Collectors.toList());
        }
        assertFalse(tests.isEmpty(), "no test sources beside " + example);
        List<String> testArgs = new ArrayList<>(List.of("--release", "17", "-d", Files.createDirectories(tmp.resolve("test-classes")).toString(),
                "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path")));
        testArgs.addAll(tests);
        assertEquals(0, javac.run(null, null, null, testArgs.toArray(String[]::new)), "the example's tests do not compile");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o)) {
            for (Path root : List.of(classes, example.resolve("resources"))) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(root)) {
                    files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                }
                for (Path f : files) {
                    j.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                    j.write(Files.readAllBytes(f));
                }
            }
        }
        assertTrue(new String(Files.readAllBytes(example.resolve("resources/META-INF/services/org.holo.core.layer.LayerSchemeProvider")),
                StandardCharsets.UTF_8).contains("MidpointLayerMap$Provider"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
