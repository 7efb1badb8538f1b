package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;

/**
 * {@code slurm/submissions.jsonl}: one line per accepted sbatch (its job id, kind "array" or "collect", the
 * submission directory with the batch script and tasks.txt, the command line and time). Only submissions that
 * sbatch accepted are recorded, so the file never names a job that does not exist.
 */
public final class Submissions {

    public static final String FILE = "submissions.jsonl";

    /** One accepted submission; {@code dir} is relative to the study (null for the collect job). */
    public record Entry(String jobId, String kind, String dir, String command) {
    }

    private Submissions() {
    }

    static Path file(Study study) {
        return study.dir().resolve("slurm").resolve(FILE);
    }

    public static List<Entry> read(Study study) throws IOException {
        Path f = file(study);
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = ConfigLoader.mapper().readTree(line);
            out.add(new Entry(o.get("job").asText(), o.get("kind").asText(), o.hasNonNull("dir") ? o.get("dir").asText() : null,
                    o.path("command").asText()));
        }
        return out;
    }

    static void append(Study study, Entry e) throws IOException {
        ObjectNode o = ConfigLoader.mapper().createObjectNode();
        o.put("job", e.jobId());
        o.put("kind", e.kind());
        o.put("dir", e.dir());
        o.put("command", e.command());
        o.put("submitted", java.time.Instant.now().toString());
        Path f = file(study);
        String before = Files.isRegularFile(f) ? Files.readString(f) : "";
        AtomicFiles.write(f, before + ConfigLoader.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(o) + "\n");
    }

    /** Point index of each queued array task "JOB_TASK" of the recorded arrays (a task may carry several points). */
    public static Map<String, List<Integer>> taskPoints(Study study) throws IOException {
        Map<String, List<Integer>> out = new HashMap<>();
        for (Entry e : read(study)) {
            if (!e.kind().equals("array")) {
                continue;
            }
            List<String> lines = Files.readAllLines(study.dir().resolve(e.dir()).resolve(SlurmExecutor.TASKS));
            for (int t = 0; t < lines.size(); t++) {
                out.put(e.jobId() + "_" + t, SlurmExecutor.parseTask(lines.get(t)));
            }
        }
        return out;
    }
}
