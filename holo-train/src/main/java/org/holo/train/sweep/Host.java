package org.holo.train.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's host name, read from the kernel: no name lookup (nothing here may touch the network). */
final class Host {

    private Host() {
    }

    static String name() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
    }
}
