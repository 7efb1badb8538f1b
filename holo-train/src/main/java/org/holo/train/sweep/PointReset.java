package org.holo.train.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.holo.train.run.RunClaim;
import org.holo.train.run.RunDirectory;

/**
 * Makes a point ready to run again: what a killed or failed attempt left in its run directory is removed, and its
 * markers with it, under the directory's claim, so a point that is still running elsewhere is never touched.
 */
public final class PointReset {

    private PointReset() {
    }

    /** @throws IllegalArgumentException when a live run holds the point's run directory */
    public static void reset(Study study, int index) throws IOException {
        Path dir = study.runDir(index);
        try (RunClaim claim = RunDirectory.claim(dir, false)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    if (!p.getFileName().toString().equals(RunClaim.FILE)) {
                        Study.deleteTree(p);
                    }
                }
            }
            study.markers().clear(index);
        }
    }
}
