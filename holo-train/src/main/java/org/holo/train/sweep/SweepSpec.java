package org.holo.train.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;

/**
 * A sweep spec (JSON): a base config, fixed overrides ({@code set}), named axes over dotted config paths, and
 * groups of axes that vary together ({@code zip}); all other axes combine as a product, the last one fastest.
 */
public record SweepSpec(Path file, String name, Path base, Map<String, JsonNode> set, List<Axis> axes,
                        List<List<String>> zip, boolean plots) {

    static final Set<String> FIELDS = Set.of("name", "description", "base", "set", "axes", "zip", "plots");

    public static SweepSpec read(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = ConfigLoader.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(where + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(where + ": a sweep spec is a JSON object {\"base\", \"axes\", …}");
        }
        Axis.onlyFields(root, where, FIELDS);
        JsonNode b = root.get("base");
        if (b == null || !b.isTextual() || b.asText().isBlank()) {
            throw new ConfigException(where + ": base: expected the path of the base config (relative to the spec)");
        }
        Path base = file.toAbsolutePath().getParent().resolve(b.asText()).normalize();
        if (!Files.isRegularFile(base)) {
            throw new ConfigException(where + ": base: no such file " + base);
        }
        String name = root.has("name") ? root.get("name").asText() : stem(file);
        Map<String, JsonNode> set = new LinkedHashMap<>();
        JsonNode s = root.get("set");
        if (s != null) {
            if (!s.isObject()) {
                throw new ConfigException(where + ": set: expected an object {\"dotted.path\": value}");
            }
            s.fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue()));
        }
        JsonNode a = root.get("axes");
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw new ConfigException(where + ": axes: expected a non-empty list of {\"name\", \"path\", \"values\"}");
        }
        List<Axis> axes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>(set.keySet());
        for (int i = 0; i < a.size(); i++) {
            Axis axis = Axis.parse(a.get(i), where + ": axes[" + i + "]");
            if (!names.add(axis.name())) {
                throw new ConfigException(where + ": axes[" + i + "].name: '" + axis.name() + "' appears twice");
            }
            if (!paths.add(axis.path())) {
                throw new ConfigException(where + ": axes[" + i + "].path: " + axis.path() + " is already set or swept");
            }
            axes.add(axis);
        }
        List<List<String>> zip = new ArrayList<>();
        JsonNode z = root.get("zip");
        if (z != null) {
            Set<String> zipped = new HashSet<>();
            if (!z.isArray()) {
                throw new ConfigException(where + ": zip: expected a list of lists of axis names");
            }
            for (int i = 0; i < z.size(); i++) {
                JsonNode g = z.get(i);
                String at = where + ": zip[" + i + "]";
                if (!g.isArray() || g.size() < 2) {
                    throw new ConfigException(at + ": expected a list of at least two axis names");
                }
                List<String> group = new ArrayList<>();
                for (JsonNode n : g) {
                    String an = n.asText();
                    Axis axis = axes.stream().filter(x -> x.name().equals(an)).findFirst()
                            .orElseThrow(() -> new ConfigException(at + ": no axis named '" + an + "'"));
                    if (!zipped.add(an)) {
                        throw new ConfigException(at + ": axis '" + an + "' is zipped twice");
                    }
                    int n0 = axes.stream().filter(x -> x.name().equals(group.isEmpty() ? an : group.get(0))).findFirst()
                            .orElseThrow().values().size();
                    if (axis.values().size() != n0) {
                        throw new ConfigException(at + ": zipped axes need as many values each: '" + group.get(0) + "' has "
                                + n0 + ", '" + an + "' has " + axis.values().size());
                    }
                    group.add(an);
                }
                zip.add(List.copyOf(group));
            }
        }
        JsonNode p = root.get("plots");
        if (p != null && !p.isBoolean()) {
            throw new ConfigException(where + ": plots: expected true or false, found " + p);
        }
        return new SweepSpec(file, name, base, set, List.copyOf(axes), List.copyOf(zip), p != null && p.asBoolean());
    }

    /**
     * This spec with {@code key=value} overrides added to (or replacing those of) its {@code set}; a value is JSON
     * when it parses as JSON and a string otherwise, as with {@code --set}.
     */
    public SweepSpec withSet(List<String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, JsonNode> merged = new LinkedHashMap<>(set);
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + o + ": expected key=value with a dotted key, e.g. training.epochs=5");
            }
            String key = o.substring(0, eq).strip();
            if (axes.stream().anyMatch(a -> a.path().equals(key))) {
                throw new ConfigException("--set " + o + ": " + key + " is an axis of " + file);
            }
            com.fasterxml.jackson.databind.node.ObjectNode tmp = ConfigLoader.mapper().createObjectNode();
            ConfigLoader.applyOverride(tmp, "v=" + o.substring(eq + 1));
            merged.put(key, tmp.get("v"));
        }
        return new SweepSpec(file, name, base, merged, axes, zip, plots);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
