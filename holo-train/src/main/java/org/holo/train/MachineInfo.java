package org.holo.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The machine and the versions a run's numbers may depend on, collected in one place for provenance.json,
 * an ensemble's summary.json and the benchmark: Java's StrictMath is bit-reproducible everywhere, but the JVM,
 * the OS and the pinned DJL/PyTorch are what one checks first when two machines disagree.
 */
public final class MachineInfo {

    private static final Properties VERSIONS = load();

    private MachineInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = MachineInfo.class.getResourceAsStream("/org/holo/train/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A version fixed at build time ({@code holo.version}, {@code djl.version}, {@code pytorch.version}), or "unknown". */
    public static String version(String key) {
        return VERSIONS.getProperty(key, "unknown");
    }

    public static String holoVersion() {
        return version("holo.version");
    }

    /** The DJL version Holo is built against. */
    public static String pinnedDjl() {
        return version("djl.version");
    }

    /** The PyTorch (libtorch) version the pinned DJL engine loads. */
    public static String pinnedPytorch() {
        return version("pytorch.version");
    }

    public static String java() {
        return System.getProperty("java.version");
    }

    public static String javaVendor() {
        return System.getProperty("java.vendor");
    }

    public static String javaVm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
    }

    /** OS name and version. */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    public static String arch() {
        return System.getProperty("os.arch");
    }

    /** Processors visible to the JVM. */
    public static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The CPU model from /proc/cpuinfo, or "unknown CPU". */
    public static String cpuModel() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return "unknown CPU";
    }

    /** Adds the object {@code machine: {os, arch, cpus}} to {@code o}. */
    public static void putMachine(ObjectNode o) {
        ObjectNode m = o.putObject("machine");
        m.put("os", os());
        m.put("arch", arch());
        m.put("cpus", cpus());
    }

    /** The machine and versions as lines of text, for a benchmark's header. */
    public static List<String> lines() {
        return List.of(
                "machine: " + os() + " " + arch() + ", " + cpuModel() + ", " + cpus() + " cores visible to the JVM",
                "java: " + java() + " (" + System.getProperty("java.vm.name") + ")",
                "holo: " + holoVersion() + "; pinned DJL " + pinnedDjl() + ", PyTorch " + pinnedPytorch());
    }
}
