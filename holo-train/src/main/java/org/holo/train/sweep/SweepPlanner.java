package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The points of a spec: the product of its dimensions (an axis alone, or a zipped group), the last fastest. */
public final class SweepPlanner {

    /** A study larger than this is almost certainly a mistake in the spec. */
    public static final long MAX_POINTS = 1_000_000;

    private SweepPlanner() {
    }

    public static List<SweepPoint> points(SweepSpec spec) {
        List<List<Axis>> dims = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        for (Axis a : spec.axes()) {
            if (placed.contains(a.name())) {
                continue;
            }
            List<Axis> dim = new ArrayList<>();
            List<String> group = spec.zip().stream().filter(g -> g.contains(a.name())).findFirst().orElse(List.of(a.name()));
            for (String n : group) {
                dim.add(spec.axes().stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow());
                placed.add(n);
            }
            dims.add(dim);
        }
        long total = 1;
        for (List<Axis> d : dims) {
            total *= d.get(0).values().size();
            if (total > MAX_POINTS) {
                throw new IllegalArgumentException(spec.file() + ": more than " + MAX_POINTS + " points");
            }
        }
        List<SweepPoint> points = new ArrayList<>((int) total);
        int[] at = new int[dims.size()];
        for (int index = 0; index < total; index++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            Map<String, String> byPath = new LinkedHashMap<>();
            for (int d = 0; d < dims.size(); d++) {
                for (Axis a : dims.get(d)) {
                    values.put(a.name(), a.values().get(at[d]));
                }
            }
            List<String> overrides = new ArrayList<>();
            spec.set().forEach((path, v) -> overrides.add(path + "=" + literal(v)));
            // overrides in the order the axes are written, values in the spec's order of axes
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            for (Axis a : spec.axes()) {
                ordered.put(a.name(), values.get(a.name()));
                byPath.put(a.path(), literal(values.get(a.name())));
            }
            byPath.forEach((path, v) -> overrides.add(path + "=" + v));
            points.add(new SweepPoint(index, ordered, List.copyOf(overrides)));
            for (int d = dims.size() - 1; d >= 0; d--) {
                if (++at[d] < dims.get(d).get(0).values().size()) {
                    break;
                }
                at[d] = 0;
            }
        }
        return points;
    }

    /** The value as JSON text, which {@code --set} reads back as the same value (a string stays a string). */
    static String literal(JsonNode v) {
        return v.toString();
    }
}
