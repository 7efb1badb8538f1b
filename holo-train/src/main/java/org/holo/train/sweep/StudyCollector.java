package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.run.RunDirectory;

/**
 * {@code study.csv} and {@code study.json}: a row per point with its axis values, its state and exit code, and
 * the scalars of its result.json (missing or failed points have empty scalars, never invented ones).
 */
public final class StudyCollector {

    public static final String CSV = "study.csv";
    public static final String JSON = "study.json";

    /** Scalars copied from result.json, by their field names there. */
    static final List<String> RESULT_SCALARS = List.of("converged", "reason", "loss", "data_loss", "regularisation",
            "restarts", "L_GeV_inv", "inverse_L_MeV", "lambda", "accuracy", "steps", "epochs", "seconds");
    /** Scalars derived from the learned metric: the IR wall (min h) and the last layer's h. */
    static final List<String> METRIC_SCALARS = List.of("min_h", "h_last");

    public record Collected(List<ObjectNode> rows, int done, int failed, int missing) {
    }

    private StudyCollector() {
    }

    public static List<String> scalarNames() {
        List<String> all = new ArrayList<>(RESULT_SCALARS);
        all.addAll(METRIC_SCALARS);
        return all;
    }

    public static Collected collect(Study study) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        int done = 0;
        int failed = 0;
        for (SweepPoint p : study.points()) {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("index", p.index());
            p.axes().forEach(row::set);
            Markers.State state = study.markers().state(p.index());
            JsonNode marker = study.markers().read(p.index());
            row.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            if (marker != null) {
                row.put("exit_code", marker.path("exit_code").asInt());
            } else {
                row.putNull("exit_code");
            }
            Path result = study.runDir(p.index()).resolve(RunDirectory.RESULT);
            JsonNode r = state == Markers.State.DONE && Files.isRegularFile(result)
                    ? ConfigLoader.mapper().readTree(Files.readString(result)) : null;
            for (String f : RESULT_SCALARS) {
                JsonNode v = r == null ? null : r.get(f);
                if (v == null) {
                    row.putNull(f);
                } else {
                    row.set(f, v);
                }
            }
            JsonNode h = r == null ? null : r.get("h");
            if (h != null && h.isArray() && !h.isEmpty()) {
                double min = Double.POSITIVE_INFINITY;
                boolean finite = true;
                for (JsonNode x : h) {
                    finite &= x.isNumber();
                    min = Math.min(min, x.asDouble());
                }
                JsonNode last = h.get(h.size() - 1);
                if (finite) {
                    row.put("min_h", min);
                } else {
                    row.putNull("min_h");
                }
                row.set("h_last", last.isNumber() ? last : JsonNodeFactory.instance.nullNode());
            } else {
                row.putNull("min_h");
                row.putNull("h_last");
            }
            row.put("dir", study.dir().relativize(study.runDir(p.index())).toString());
            rows.add(row);
            if (state == Markers.State.DONE) {
                done++;
            } else if (state == Markers.State.FAILED) {
                failed++;
            }
        }
        return new Collected(rows, done, failed, study.points().size() - done - failed);
    }

    /** Collects and writes study.csv and study.json into the study directory. */
    public static Collected write(Study study) throws IOException {
        Collected c = collect(study);
        List<String> columns = new ArrayList<>();
        columns.add("index");
        columns.addAll(study.axisNames());
        columns.add("state");
        columns.add("exit_code");
        columns.addAll(scalarNames());
        columns.add("dir");
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (ObjectNode row : c.rows()) {
            List<String> cells = new ArrayList<>();
            for (String col : columns) {
                cells.add(cell(row.get(col)));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("study", study.name());
        json.put("directory", study.dir().toString());
        json.put("base", study.base().toString());
        json.put("points", study.points().size());
        json.put("done", c.done());
        json.put("failed", c.failed());
        json.put("missing", c.missing());
        ArrayNode axes = json.putArray("axes");
        study.axisNames().forEach(axes::add);
        json.put("note", "done: the run directory is complete (exit 0, or 3 when training diverged); failed: it ended"
                + " without one (exit_code says why); missing: never run, running or killed. Scalars are those of"
                + " result.json (null where the point has none); min_h is the IR wall (smallest h over the layers) and"
                + " h_last the h of the last layer.");
        ArrayNode rows = json.putArray("rows");
        c.rows().forEach(rows::add);
        AtomicFiles.write(study.dir().resolve(CSV), csv.toString());
        AtomicFiles.write(study.dir().resolve(JSON), ConfigLoader.mapper().writeValueAsString(json) + "\n");
        return c;
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        String s = v.isTextual() ? v.asText() : v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
