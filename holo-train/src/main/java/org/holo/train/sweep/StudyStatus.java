package org.holo.train.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holo.train.run.RunClaim;

/**
 * Where each point stands: the markers on disk first (done, failed), then the queue for the rest (pending,
 * running), then a live claim on its run directory (running locally). Needs no accounting database, and a point
 * the queue has forgotten is read from its marker.
 */
public final class StudyStatus {

    public enum State { DONE, FAILED, RUNNING, PENDING, MISSING }

    public record PointState(int index, State state, Integer exitCode, String detail) {
    }

    private StudyStatus() {
    }

    /**
     * @param askQueue whether to call squeue for the recorded submissions (false when none were made)
     */
    public static List<PointState> of(Study study, boolean askQueue) throws IOException {
        Map<Integer, String> queued = new HashMap<>();
        List<Submissions.Entry> subs = Submissions.read(study);
        if (askQueue && !subs.isEmpty()) {
            Map<String, List<Integer>> tasks = Submissions.taskPoints(study);
            List<String> ids = subs.stream().filter(e -> e.kind().equals("array")).map(Submissions.Entry::jobId).toList();
            for (String line : Slurm.queue(ids)) {
                String[] f = line.split("\\s+");
                List<Integer> pts = tasks.get(f[0]);
                if (pts != null && f.length > 1) {
                    pts.forEach(p -> queued.put(p, f[1] + " " + f[0]));
                }
            }
        }
        List<PointState> out = new ArrayList<>();
        for (SweepPoint p : study.points()) {
            int i = p.index();
            Markers.State m = study.markers().state(i);
            var marker = study.markers().read(i);
            Integer code = marker == null ? null : marker.path("exit_code").asInt();
            if (m == Markers.State.DONE) {
                out.add(new PointState(i, State.DONE, code, null));
                continue;
            }
            String q = queued.get(i);
            if (q != null && (q.startsWith("RUNNING") || q.startsWith("PENDING") || q.startsWith("CONFIGURING")
                    || q.startsWith("COMPLETING") || q.startsWith("REQUEUED") || q.startsWith("SUSPENDED"))) {
                out.add(new PointState(i, q.startsWith("PENDING") ? State.PENDING : State.RUNNING, code, "slurm " + q));
            } else if (m == Markers.State.FAILED) {
                out.add(new PointState(i, State.FAILED, code, marker.path("message").asText(null)));
            } else if (RunClaim.held(study.runDir(i))) {
                out.add(new PointState(i, State.RUNNING, null, "local"));
            } else {
                out.add(new PointState(i, State.MISSING, null, q == null ? null : "slurm " + q));
            }
        }
        return out;
    }

    public static String summary(List<PointState> states) {
        Map<State, Integer> n = new EnumMap<>(State.class);
        states.forEach(s -> n.merge(s.state(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder(states.size() + " points:");
        for (State s : State.values()) {
            sb.append(' ').append(n.getOrDefault(s, 0)).append(' ').append(s.name().toLowerCase(Locale.ROOT)).append(',');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
