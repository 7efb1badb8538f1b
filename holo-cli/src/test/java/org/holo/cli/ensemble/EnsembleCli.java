package org.holo.cli.ensemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Runs {@code holo} in-process with System.out and System.err captured (and restored afterwards). */
final class EnsembleCli {


    private EnsembleCli() {
    }


    static Path experiment(String file) {
        Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("experiments").resolve(file);
            if (Files.isRegularFile(c)) {
                return c;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find experiments/" + file + " above " + System.getProperty("user.dir"));
    }
}
