package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;

/**
 * The state of each point on disk: {@code markers/NNN.done} once its run directory is complete (exit 0, or 3 when
 * training diverged: a diverged run is a result too), {@code markers/NNN.failed} when it ended without one. Each
 * marker is written atomically and holds the exit code. No marker: never run, running, or killed.
 */
public final class Markers {

    public enum State { DONE, FAILED, MISSING }

    private final Study study;

    Markers(Study study) {
        this.study = study;
    }

    public Path done(int index) {
        return study.dir().resolve("markers").resolve(study.label(index) + ".done");
    }

    public Path failed(int index) {
        return study.dir().resolve("markers").resolve(study.label(index) + ".failed");
    }

    public State state(int index) {
        if (Files.exists(done(index))) {
            return State.DONE;
        }
        return Files.exists(failed(index)) ? State.FAILED : State.MISSING;
    }

    /** The marker's JSON, or null when there is none. */
    public JsonNode read(int index) throws IOException {
        for (Path p : new Path[] {done(index), failed(index)}) {
            try {
                return ConfigLoader.mapper().readTree(Files.readString(p));
            } catch (NoSuchFileException e) {
                // next
            }
        }
        return null;
    }

    /** Removes a point's markers before it is run again. */
    public void clear(int index) throws IOException {
        Files.deleteIfExists(done(index));
        Files.deleteIfExists(failed(index));
    }

    public void write(int index, boolean done, int exitCode, double seconds, String message) throws IOException {
        ObjectNode o = ConfigLoader.mapper().createObjectNode();
        o.put("index", index);
        o.put("state", done ? "done" : "failed");
        o.put("exit_code", exitCode);
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        o.put("finished", Instant.now().toString());
        o.put("host", Host.name());
        String job = System.getenv("SLURM_JOB_ID");
        if (job != null) {
            o.put("slurm_job", job);
        }
        if (message != null) {
            o.put("message", message);
        }
        Path target = done ? done(index) : failed(index);
        AtomicFiles.write(target, ConfigLoader.mapper().writeValueAsString(o) + "\n");
        Files.deleteIfExists(done ? failed(index) : done(index));
    }
}
