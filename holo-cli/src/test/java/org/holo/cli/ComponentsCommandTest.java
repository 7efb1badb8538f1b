package org.holo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.Kinds;
import org.holo.core.component.Registry;
import org.holo.train.observable.Observable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** holo components lists every kind and component; --plugins adds a jar's components and refuses a missing directory. */
class ComponentsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void listsEveryKindWithNameOriginAndDescription() {
        Cli.Result r = Cli.run("components");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(Kinds.all().contains(Observable.KIND));
        for (Kind<?> kind : Kinds.all()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(kind.name())), kind.name() + " missing:\n" + r.out());
            for (ComponentProvider p : Registry.of(kind).all()) {
                assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + p.name() + " ") && l.contains(" " + Registry.origin(p) + " ")
                        && l.endsWith(p.description())), p.name() + " missing:\n" + r.out());
            }
        }
        assertTrue(r.out().contains("  condensate ") && r.out().contains("  potential "), r.out());
        assertTrue(Kinds.all().contains(org.holo.train.data.DataSourceProvider.KIND));
        assertTrue(r.out().contains("  band ") && r.out().contains("  metric ") && r.out().contains("  csv "), r.out());
    }

    @Test
    void aMissingPluginDirectoryIsBadInput() {
        Path missing = tmp.resolve("no-such-plugins");
        Cli.Result r = Cli.run("--plugins", missing.toString(), "components");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("holo: --plugins: " + missing), r.err());
        assertEquals("", r.out());
    }

    /** HOLO_PLUGINS is read in a fresh process: the environment cannot be changed in this one. */
    @Test
    void aMissingDirectoryInHoloPluginsIsBadInput() throws Exception {
        Path missing = tmp.resolve("no-such-env-plugins");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoloCommand.class.getName(), "components");
        pb.environment().put(org.holo.core.component.Plugins.ENV, missing.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(ExitCodes.BAD_INPUT, p.waitFor(), err);
        assertEquals("holo: " + org.holo.core.component.Plugins.ENV + ": " + missing
                + ": plugin directory does not exist (is neither a directory nor a .jar)", err.strip());
    }

    @Test
    void aPluginJarAddsAnObservable() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        jar(plugins.resolve("test-plugin.jar"));
        Cli.Result r = Cli.run("--plugins", plugins.toString(), "components");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  test-plugin-observable +test-plugin\\.jar +a test observable")), r.out());
        assertEquals(ExitCodes.OK, Cli.run("--plugins", plugins.toString(), "components").exitCode(), "the same jar twice is one plugin");
    }

    /** Compiles a one-class observable and packs it with its services entry. */
    private void jar(Path jar) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/example"));
        Files.writeString(src.resolve("TestObservable.java"), String.join("\n",
                "package example;",
                "public final class TestObservable implements org.holo.train.observable.Observable {",
                "    public String name() { return \"test-plugin-observable\"; }",
                "    public String description() { return \"a test observable\"; }",
                "    public java.util.List<String> files() { return java.util.List.of(\"test.json\"); }",
                "    public java.util.Map<String, String> options() { return java.util.Map.of(); }",
                "    public org.holo.train.observable.ObservableResult compute(org.holo.train.run.FinishedRun run,",
                "            java.util.Map<String, String> options) { throw new UnsupportedOperationException(); }",
                "}"));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String classPath = String.join(java.io.File.pathSeparator, List.of(location(Observable.class), location(ComponentProvider.class),
                location(com.fasterxml.jackson.databind.JsonNode.class), location(com.fasterxml.jackson.core.JsonProcessingException.class)));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath,
                src.resolve("TestObservable.java").toString()));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("example/TestObservable.class"));
            j.write(Files.readAllBytes(classes.resolve("example/TestObservable.class")));
            j.putNextEntry(new JarEntry("META-INF/services/" + Observable.class.getName()));
            j.write("example.TestObservable\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
