package org.holo.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code holo} as a separate JVM (same Java, same class path), as a user's shell would. */
public final class HoloProcess {

    private HoloProcess() {
    }

    public static Process start(Path stdout, Path stderr, String... args) throws IOException {
        return start(java.util.Map.of(), stdout, stderr, args);
    }

    /** With {@code env} added to (or replacing entries of) this process's environment. */
    public static Process start(java.util.Map<String, String> env, Path stdout, Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), HoloCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().putAll(env);
        return pb.start();
    }

    public static String java() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
