package org.holo.core.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader in which registries look for providers: Holo's own, plus the jars of plugin directories
 * ({@code --plugins DIR} or the environment variable {@value #ENV}, a path list). Set once, before the first registry is read.
 */
public final class Plugins {

    /** Environment variable naming plugin directories, separated like a class path. */
    public static final String ENV = "HOLO_PLUGINS";

    private static volatile ClassLoader loader = Plugins.class.getClassLoader();
    private static volatile List<Path> jars = List.of();
    private static volatile List<Jar> loaded = List.of();

    /** A plugin jar as it was when loaded: its SHA-256 and size, for provenance. */
    public record Jar(Path path, String sha256, long bytes) {
    }

    private Plugins() {
    }

    public static ClassLoader classLoader() {
        return loader;
    }

    /** The plugin jars in use with their SHA-256 and size taken when they were loaded, in load order. */
    public static List<Jar> loaded() {
        return loaded;
    }

    /** The plugin jars in use, in load order. */
    public static List<Path> jars() {
        return jars;
    }

    /**
     * Adds every {@code *.jar} in each directory (a jar may also be named directly) to the loader registries use.
     * A missing directory is an error: a misspelt plugin path must not silently drop the user's components.
     */
    public static synchronized void use(List<Path> directories) {
        List<Path> found = new ArrayList<>();
        for (Path d : directories) {
            if (Files.isRegularFile(d) && d.toString().endsWith(".jar")) {
                found.add(d.toAbsolutePath().normalize());
            } else if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
                            .forEach(p -> found.add(p.toAbsolutePath().normalize()));
                } catch (IOException e) {
                    throw new UncheckedIOException(d + ": cannot list plugin directory: " + e.getMessage(), e);
                }
            } else {
                throw new IllegalArgumentException(d + ": plugin directory does not exist (is neither a directory nor a .jar)");
            }
        }
        // a jar already in use would register its components twice
        found.removeAll(jars);
        if (found.isEmpty()) {
            return;
        }
        URL[] urls = new URL[found.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = found.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(found.get(i) + ": not a usable jar path", e);
            }
        }
        List<Path> all = new ArrayList<>(jars);
        all.addAll(found);
        List<Jar> described = new ArrayList<>(loaded);
        for (Path p : found) {
            described.add(describe(p));
        }
        jars = List.copyOf(all);
        loaded = List.copyOf(described);
        loader = new URLClassLoader(urls, loader);
        Registry.forgetAll();
    }

    /** The directories named by {@value #ENV}, or none. */
    public static List<Path> fromEnvironment() {
        String v = System.getenv(ENV);
        List<Path> dirs = new ArrayList<>();
        if (v != null) {
            for (String part : v.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    dirs.add(Path.of(part));
                }
            }
        }
        return dirs;
    }

    private static Jar describe(Path jar) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] bytes = Files.readAllBytes(jar);
            return new Jar(jar, java.util.HexFormat.of().formatHex(sha.digest(bytes)), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": cannot read plugin jar: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
