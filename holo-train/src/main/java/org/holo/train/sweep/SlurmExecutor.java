package org.holo.train.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Submits the points of a study to SLURM: one job array per sweep (split into several when it has more tasks than
 * the cluster's MaxArraySize), each task running one or more points through {@code holo sweep point}, and one
 * collect job that runs {@code afterany} the arrays, so it also reports when points fail.
 */
public final class SlurmExecutor {

    static final String TASKS = "tasks.txt";
    static final String SCRIPT = "batch.sh";

    /** sbatch options passed through (null: not given), the %N throttle and how many points one task runs. */
    public record Options(String partition, String account, String qos, String time, String mem, Integer throttle,
                          int pointsPerTask) {
        public Options {
            if (pointsPerTask < 1) {
                throw new IllegalArgumentException("--points-per-task must be at least 1, got " + pointsPerTask);
            }
            if (throttle != null && throttle < 1) {
                throw new IllegalArgumentException("--throttle must be at least 1, got " + throttle);
            }
            for (String[] o : new String[][] {{"partition", partition}, {"account", account}, {"qos", qos}, {"time", time}, {"mem", mem}}) {
                if (o[1] != null && (o[1].isBlank() || o[1].chars().anyMatch(c -> c < ' ' || c == '\'' || c == '"'))) {
                    throw new IllegalArgumentException("--" + o[0] + " '" + o[1] + "': empty or has quotes or control characters");
                }
            }
        }

        List<String> sbatchOptions() {
            List<String> out = new ArrayList<>();
            add(out, "partition", partition);
            add(out, "account", account);
            add(out, "qos", qos);
            add(out, "time", time);
            add(out, "mem", mem);
            return out;
        }

        private static void add(List<String> out, String name, String v) {
            if (v != null) {
                out.add("--" + name + "=" + v);
            }
        }
    }

    /** One array as it is (or would be) submitted. */
    record Array(String dir, List<List<Integer>> tasks, String script) {
    }

    private SlurmExecutor() {
    }

    /**
     * Submits {@code indices} (or with {@code dryRun} prints what would be submitted and writes nothing).
     *
     * @param launcher the command that starts this same holo (Java, class path, main class)
     * @return the job ids of the arrays, then the collect job
     */
    public static List<String> submit(Study study, List<Integer> indices, List<String> launcher, Options options,
                                      boolean dryRun, PrintStream out) throws IOException {
        if (indices.isEmpty()) {
            return List.of();
        }
        int maxArraySize;
        try {
            maxArraySize = Slurm.maxArraySize();
        } catch (SlurmException e) {
            if (!dryRun) {
                throw e;
            }
            maxArraySize = Slurm.DEFAULT_MAX_ARRAY_SIZE;
            out.println("# " + e.getMessage() + "; assuming SLURM's default MaxArraySize " + maxArraySize);
        }
        List<Array> arrays = arrays(study, indices, launcher, options, maxArraySize);
        if (dryRun) {
            for (Array a : arrays) {
                out.println("# " + study.dir().resolve(a.dir()).resolve(SCRIPT) + " (" + a.tasks().size() + " tasks, "
                        + a.tasks().stream().mapToInt(List::size).sum() + " points)");
                out.print(a.script());
                out.println("# " + TASKS + " (line t: the points of task t)");
                a.tasks().forEach(t -> out.println(formatTask(t)));
                out.println("# sbatch --parsable " + study.dir().resolve(a.dir()).resolve(SCRIPT));
            }
            out.println("# sbatch --parsable --dependency=afterany:<array ids> " + String.join(" ", collectArgs(study, launcher, options)));
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Array a : arrays) {
            Path dir = study.dir().resolve(a.dir());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TASKS), a.tasks().stream().map(SlurmExecutor::formatTask)
                    .collect(Collectors.joining("\n", "", "\n")));
            Files.writeString(dir.resolve(SCRIPT), a.script());
            String id;
            try {
                id = Slurm.sbatch(List.of(dir.resolve(SCRIPT).toString()));
            } catch (SlurmException e) {
                Study.deleteTree(dir); // not submitted: leave no trace but the recorded submissions
                try (var rest = Files.list(dir.getParent())) {
                    if (rest.findAny().isEmpty()) {
                        Files.delete(dir.getParent());
                    }
                }
                String left = ids.isEmpty() ? "" : " (arrays " + String.join(", ", ids)
                        + " were submitted; holo sweep resume submits the rest)";
                throw new SlurmException(e.getMessage() + left);
            }
            Submissions.append(study, new Submissions.Entry(id, "array", a.dir(), "sbatch --parsable " + dir.resolve(SCRIPT)));
            out.println("submitted array job " + id + ": " + a.tasks().size() + " tasks, "
                    + a.tasks().stream().mapToInt(List::size).sum() + " points");
            ids.add(id);
        }
        List<String> collect = new ArrayList<>();
        collect.add("--dependency=afterany:" + String.join(":", ids));
        collect.addAll(collectArgs(study, launcher, options));
        String cid;
        try {
            cid = Slurm.sbatch(collect);
        } catch (SlurmException e) {
            throw new SlurmException(e.getMessage() + " (the collect job; arrays " + String.join(", ", ids)
                    + " were submitted: run holo sweep collect " + study.dir() + " when they end)");
        }
        Submissions.append(study, new Submissions.Entry(cid, "collect", null, "sbatch --parsable " + String.join(" ", collect)));
        out.println("submitted collect job " + cid + " (afterany " + String.join(",", ids) + ")");
        ids.add(cid);
        return ids;
    }

    /** The arrays that carry {@code indices}: tasks of pointsPerTask points, at most maxArraySize tasks per array. */
    static List<Array> arrays(Study study, List<Integer> indices, List<String> launcher, Options options, int maxArraySize) {
        List<List<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < indices.size(); i += options.pointsPerTask()) {
            tasks.add(List.copyOf(indices.subList(i, Math.min(indices.size(), i + options.pointsPerTask()))));
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        List<Array> arrays = new ArrayList<>();
        for (int from = 0, k = 0; from < tasks.size(); from += maxArraySize, k++) {
            List<List<Integer>> part = tasks.subList(from, Math.min(tasks.size(), from + maxArraySize));
            String dir = "slurm/" + stamp + "-" + k;
            arrays.add(new Array(dir, part, script(study, dir, part.size(), launcher, options)));
        }
        return arrays;
    }

    private static List<String> collectArgs(Study study, List<String> launcher, Options options) {
        List<String> a = new ArrayList<>();
        a.add("--job-name=holo-" + jobName(study) + "-collect");
        a.add("--output=" + study.dir().resolve("slurm").resolve("collect-%j.out"));
        a.add("--cpus-per-task=1");
        a.addAll(options.sbatchOptions());
        a.add("--wrap=export DJL_OFFLINE=true; exec " + command(launcher) + " sweep collect " + Slurm.quote(study.dir().toString()));
        return a;
    }

    static String script(Study study, String dir, int tasks, List<String> launcher, Options options) {
        Path sub = study.dir().resolve(dir);
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("#SBATCH --job-name=holo-").append(jobName(study)).append('\n');
        s.append("#SBATCH --array=0-").append(tasks - 1).append(options.throttle() == null ? "" : "%" + options.throttle()).append('\n');
        s.append("#SBATCH --output=").append(sub.resolve("task-%a.out")).append('\n');
        s.append("#SBATCH --error=").append(sub.resolve("task-%a.err")).append('\n');
        s.append("#SBATCH --cpus-per-task=1\n");
        for (String o : options.sbatchOptions()) {
            s.append("#SBATCH ").append(o).append('\n');
        }
        s.append("# Study ").append(study.dir()).append(": task t runs the points on line t of ").append(TASKS).append(",\n");
        s.append("# each into its run directory with its own logs/NNN.out and logs/NNN.err and a done/failed marker.\n");
        s.append("export DJL_OFFLINE=true\n");
        s.append("exec ").append(command(launcher)).append(" sweep point ").append(Slurm.quote(study.dir().toString()))
                .append(" --tasks ").append(Slurm.quote(sub.resolve(TASKS).toString())).append(" --task \"$SLURM_ARRAY_TASK_ID\"\n");
        return s.toString();
    }

    private static String command(List<String> launcher) {
        return launcher.stream().map(Slurm::quote).collect(Collectors.joining(" "));
    }

    private static String jobName(Study study) {
        return study.name().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static String formatTask(List<Integer> points) {
        return points.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Integer> parseTask(String line) {
        List<Integer> out = new ArrayList<>();
        for (String s : line.split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.strip()));
            }
        }
        return out;
    }

    /** The points of task {@code task} in a submission's tasks file. */
    public static List<Integer> taskPoints(Path tasksFile, int task) throws IOException {
        List<String> lines = Files.readAllLines(tasksFile);
        if (task < 0 || task >= lines.size()) {
            throw new IllegalArgumentException(tasksFile + ": no task " + task + " (it has " + lines.size() + ")");
        }
        return parseTask(lines.get(task));
    }
}
