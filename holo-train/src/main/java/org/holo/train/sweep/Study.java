package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;

/**
 * A study directory: {@code study.json} (the spec, its base config and that file's SHA-256), {@code points.jsonl}
 * (line i: point i's axis values, overrides and run directory), {@code points/NNN/} the run directories,
 * {@code markers/NNN.done|failed}, {@code logs/NNN.out|err}, and {@code slurm/} for submissions.
 */
public final class Study {

    public static final String SPEC = "sweep.json";
    public static final String MANIFEST = "points.jsonl";

    private final Path dir;
    private final String name;
    private final Path base;
    private final String baseSha256;
    private final boolean plots;
    private final List<String> axisNames;
    private final List<SweepPoint> points;

    private Study(Path dir, String name, Path base, String baseSha256, boolean plots, List<String> axisNames,
                  List<SweepPoint> points) {
        this.dir = dir;
        this.name = name;
        this.base = base;
        this.baseSha256 = baseSha256;
        this.plots = plots;
        this.axisNames = axisNames;
        this.points = points;
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    public Path base() {
        return base;
    }

    public boolean plots() {
        return plots;
    }

    public List<String> axisNames() {
        return axisNames;
    }

    public List<SweepPoint> points() {
        return points;
    }

    public SweepPoint point(int index) {
        if (index < 0 || index >= points.size()) {
            throw new IllegalArgumentException(dir + ": no point " + index + " (the study has points 0.." + (points.size() - 1) + ")");
        }
        return points.get(index);
    }

    /** The run directory of a point: points/007 (as many digits as the largest index needs, at least 3). */
    public Path runDir(int index) {
        return dir.resolve("points").resolve(label(index));
    }

    public String label(int index) {
        int width = Math.max(3, Integer.toString(Math.max(0, points.size() - 1)).length());
        return String.format("%0" + width + "d", index);
    }

    public Path log(int index, String stream) {
        return dir.resolve("logs").resolve(label(index) + "." + stream);
    }

    public Markers markers() {
        return new Markers(this);
    }

    /** Fails when the base config changed since the study was planned: its points would no longer be the planned ones. */
    public void requireBaseUnchanged() throws IOException {
        if (!Files.isRegularFile(base)) {
            throw new IllegalArgumentException(dir + ": the base config " + base + " is gone");
        }
        String now = sha256(Files.readAllBytes(base));
        if (!now.equals(baseSha256)) {
            throw new IllegalArgumentException(dir + ": the base config " + base + " changed since the study was planned"
                    + " (sha256 " + baseSha256 + ", now " + now + "): plan a new study");
        }
    }

    /** Writes a new study into {@code dir} (which must not exist or be empty), whole or not at all. */
    public static Study create(Path dir, SweepSpec spec, List<SweepPoint> points) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("study directory " + dir + " exists and is not a directory: choose another --out");
        }
        if (Files.exists(target)) {
            try (var s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("study directory " + dir + " exists and is not empty: choose another --out");
                }
            }
        }
        List<String> axisNames = spec.axes().stream().map(Axis::name).toList();
        Study study = new Study(target, spec.name(), spec.base(), sha256(Files.readAllBytes(spec.base())), spec.plots(),
                axisNames, points);
        // written into a hidden sibling, then renamed: a study directory is complete or absent
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            ObjectNode head = ConfigLoader.mapper().createObjectNode();
            head.put("name", spec.name());
            head.put("spec", spec.file().toAbsolutePath().normalize().toString());
            head.put("base", spec.base().toString());
            head.put("base_sha256", study.baseSha256);
            head.put("plots", spec.plots());
            ArrayNode names = head.putArray("axes");
            axisNames.forEach(names::add);
            head.put("points", points.size());
            head.set("spec_text", ConfigLoader.mapper().readTree(Files.readString(spec.file())));
            Files.writeString(tmp.resolve(SPEC), ConfigLoader.mapper().writeValueAsString(head) + "\n");
            StringBuilder lines = new StringBuilder();
            for (SweepPoint p : points) {
                ObjectNode o = ConfigLoader.mapper().createObjectNode();
                o.put("index", p.index());
                ObjectNode axes = o.putObject("axes");
                p.axes().forEach(axes::set);
                ArrayNode ov = o.putArray("overrides");
                p.overrides().forEach(ov::add);
                o.put("dir", "points/" + study.label(p.index()));
                lines.append(ConfigLoader.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(o)).append('\n');
            }
            Files.writeString(tmp.resolve(MANIFEST), lines.toString());
            Files.createDirectories(tmp.resolve("points"));
            Files.createDirectories(tmp.resolve("markers"));
            Files.createDirectories(tmp.resolve("logs"));
            if (Files.exists(target)) {
                Files.delete(target); // empty, checked above
            }
            Files.move(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        return study;
    }

    /** Opens the study in {@code dir}; a one-line error when it is not one. */
    public static Study open(Path dir) throws IOException {
        Path head = dir.resolve(SPEC);
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(head) || !Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(dir + ": not a study directory (no " + SPEC + " and " + MANIFEST
                    + "; make one with holo sweep plan SPEC --out " + dir + ")");
        }
        JsonNode h = ConfigLoader.mapper().readTree(Files.readString(head));
        List<String> axisNames = new ArrayList<>();
        h.get("axes").forEach(n -> axisNames.add(n.asText()));
        List<SweepPoint> points = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(manifest)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = ConfigLoader.mapper().readTree(line);
            } catch (IOException e) {
                throw new ConfigException(manifest + ": line " + lineNo + ": not a JSON object");
            }
            if (o.path("index").asInt(-1) != points.size()) {
                throw new ConfigException(manifest + ": line " + lineNo + ": expected index " + points.size());
            }
            Map<String, JsonNode> axes = new LinkedHashMap<>();
            o.get("axes").fields().forEachRemaining(e -> axes.put(e.getKey(), e.getValue()));
            List<String> overrides = new ArrayList<>();
            o.get("overrides").forEach(n -> overrides.add(n.asText()));
            points.add(new SweepPoint(points.size(), axes, List.copyOf(overrides)));
        }
        return new Study(dir.toAbsolutePath().normalize(), h.path("name").asText(), Path.of(h.get("base").asText()),
                h.get("base_sha256").asText(), h.path("plots").asBoolean(false), List.copyOf(axisNames), List.copyOf(points));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(p);
    }
}
