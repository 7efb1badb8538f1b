package org.holo.train.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.modes.RunModes;

/**
 * A run directory, the unit of reproducibility: config.json (the resolved config), provenance.json,
 * checkpoint.json, metrics.jsonl, metric.csv, modes.json and modes.csv ({@link RunModes}) and result.json, each written atomically so that a killed run
 * leaves only complete files.
 */
public final class RunDirectory {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String METRIC = "metric.csv";
    public static final String RESULT = "result.json";

    private RunDirectory() {
    }

    /** Fails early if {@code dir} exists and holds anything: a run never overwrites another. */
    public static void requireFresh(Path dir) throws IOException {
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException("the output directory name is empty");
        }
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
            }
            if (Files.exists(dir.resolve(RunClaim.FILE))) {
                RunClaim.acquire(dir, false).close(); // says "in use" when a live run owns it, clears a stale claim
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("output directory " + dir + " is not empty: choose another output directory");
                }
            }
        }
    }

    /**
     * Claims {@code dir} for this process until the claim is closed: a second run on the same directory fails with
     * a one-line message instead of mixing its files with the first's (see {@link RunClaim}).
     *
     * @param fresh true for a new run (the directory must be empty), false to resume one
     */
    public static RunClaim claim(Path dir, boolean fresh) throws IOException {
        return RunClaim.acquire(dir, fresh);
    }

    /** Writes the final files of a run (config.json and provenance.json are written by {@link TrainingRun}). */
    public static void write(Path dir, Experiment experiment, TrainingRun.Outcome outcome) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(METRICS), outcome.metricsLog());
        AtomicFiles.write(dir.resolve(METRIC), outcome.result().metricCsv(experiment.network()));
        RunModes.Computed modes = outcome.result().modes();
        if (modes != null) { // a diverged run has none
            RunModes.write(dir, modes);
        }
        AtomicFiles.write(dir.resolve(RESULT), json(outcome.result(), experiment));
    }

    private static String json(RunResult r, Experiment e) {
        try {
            return ConfigLoader.mapper().writeValueAsString(r.toJson(e.network())) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise result", ex);
        }
    }
}
