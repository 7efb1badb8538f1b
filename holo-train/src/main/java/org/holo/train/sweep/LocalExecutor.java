package org.holo.train.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.holo.train.io.AtomicFiles;

/**
 * Runs points on this machine, one {@code holo sweep point} process per point and up to {@code jobs} at once (a
 * process per point: its run is exactly the run of {@code holo train}, whatever runs beside it). Writes its pid to
 * {@code local.pid} so that {@code holo sweep cancel} can stop it; killed, it takes its running points with it,
 * and those have no marker, so resume runs them again.
 */
public final class LocalExecutor {

    public static final String PID_FILE = "local.pid";

    public record Outcome(int done, int failed) {
    }

    private LocalExecutor() {
    }

    public static Outcome run(Study study, List<Integer> indices, List<String> launcher, int jobs, PrintStream log)
            throws IOException, InterruptedException {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        Path pidFile = study.dir().resolve(PID_FILE);
        AtomicFiles.write(pidFile, ProcessHandle.current().pid() + "\n");
        Set<Process> running = ConcurrentHashMap.newKeySet();
        Thread hook = new Thread(() -> {
            running.forEach(Process::destroy);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // cancel recognises a pid file whose process is gone
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, indices.size())));
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index : indices) {
                futures.add(pool.submit(() -> {
                    runPoint(study, index, launcher, running);
                    Markers.State s = study.markers().state(index);
                    if (s == Markers.State.DONE) {
                        done.incrementAndGet();
                    }
                    var m = study.markers().read(index);
                    synchronized (log) {
                        log.printf(Locale.ROOT, "[%d/%d] point %d (%s): %s%s%n", finished.incrementAndGet(), indices.size(),
                                index, study.point(index).describe(), s.name().toLowerCase(Locale.ROOT),
                                m == null ? "" : String.format(Locale.ROOT, ", exit %d, %.1f s%s", m.path("exit_code").asInt(),
                                        m.path("seconds").asDouble(), m.has("message") ? ": " + m.get("message").asText() : ""));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            Files.deleteIfExists(pidFile);
        }
        return new Outcome(done.get(), indices.size() - done.get());
    }

    private static void runPoint(Study study, int index, List<String> launcher, Set<Process> running)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of("sweep", "point", study.dir().toString(), "--index", Integer.toString(index)));
        Files.createDirectories(study.log(index, "out").getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(study.log(index, "out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(study.log(index, "err").toFile()));
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().remove("SLURM_JOB_ID");
        Process p = pb.start();
        running.add(p);
        try {
            p.waitFor();
        } finally {
            running.remove(p);
        }
    }
}
