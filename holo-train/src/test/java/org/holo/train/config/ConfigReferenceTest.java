package org.holo.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.holo.core.boundary.BoundaryMapProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.Registry;
import org.holo.core.horizon.HorizonConditionProvider;
import org.holo.core.layer.LayerSchemeProvider;
import org.holo.core.loss.DataLossProvider;
import org.holo.core.loss.RegulariserProvider;
import org.holo.core.metric.MetricProvider;
import org.holo.train.TestSupport;
import org.holo.train.spectrum.SpectralConfig;
import org.junit.jupiter.api.Test;

/**
 * docs/config.md against the config classes: every documented field exists with the documented default, and every
 * field the config classes have is documented. The classes are read the way configs are read, through the Jackson
 * mapper of {@link ConfigLoader}: the default config (and one per {@code data.source}) written to a JSON tree, whose
 * leaves are the dotted paths a config file and {@code --set} use.
 *
 * <p>Table format (described in config.md itself): a table whose header starts with {@code field} lists fields of
 * every config; {@code field (source NAME)} lists the fields of {@code data} with {@code "source": "NAME"}, and
 * {@code field (SECTION NAME)} the fields that the component NAME reads from its section (boundary, metric, scheme,
 * horizon, loss, regulariser), with the defaults it fills in. Each
 * row: first cell one dotted path in backticks, second cell the default in backticks as written in a config
 * (a bare word is a string, {@code a/b} a quotient).
 */
class ConfigReferenceTest {

    private static final Pattern HEADER = Pattern.compile("field(?: \\(((?:source|scheme|boundary|horizon|metric|loss|regulariser|kind|spectrum-source) [a-z0-9-]+)\\))?");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern QUOTIENT = Pattern.compile("(-?[0-9.]+(?:e-?[0-9]+)?)/([0-9.]+(?:e-?[0-9]+)?)");
    /** Scope of the tables that list the fields every config has. */
    private static final String COMMON = "";

    @Test
    void configReferenceMatchesTheConfigClasses() throws IOException {
        Path doc = TestSupport.projectRoot().resolve("docs").resolve("config.md");
        List<String> problems = problems(Files.readString(doc));
        assertTrue(problems.isEmpty(), doc + " disagrees with the config classes:\n  " + String.join("\n  ", problems));
    }

    @Test
    void aDocumentedFieldThatDoesNotExistFails() {
        // data.negativeWindow was documented for the metric source but never existed in DataConfig.FromMetric
        String table = metricTableWith("| `data.negativeWindow` | `null` | negatives only where \\|F\\| < negativeWindow |\n");
        List<String> problems = problems(referenceWith(table));
        assertEquals(List.of("data.negativeWindow (source metric): documented but not a config field"), problems);
    }

    @Test
    void aFieldOfTheConfigClassesThatIsNotDocumentedFails() {
        String reference = referenceWith(metricTableWith("")).replace("| `data.threshold` | `0.1` | |\n", "");
        assertEquals(List.of("data.threshold (source metric): a config field that is not documented"), problems(reference));
        // the first table's row only: the meson-spectrum table has a training.seed of its own
        String noTraining = referenceWith(metricTableWith("")).replaceFirst(Pattern.quote("| `training.seed` | `1` | |\n"), "");
        assertEquals(List.of("training.seed: a config field that is not documented"), problems(noTraining));
    }

    @Test
    void aWrongDefaultAndAFieldInTheWrongScopeFail() {
        String reference = referenceWith(metricTableWith("")).replace("| `model.grid.layers` | `15` |", "| `model.grid.layers` | `10` |");
        assertEquals(List.of("model.grid.layers: documented default 10, the config classes have 15"), problems(reference));
        // a band field documented among the metric fields
        List<String> wrongScope = problems(referenceWith(metricTableWith("| `data.fitDegree` | `3` | |\n")));
        assertEquals(List.of("data.fitDegree (source metric): documented but not a config field"), wrongScope);
    }

    @Test
    void theCompleteSmallReferencePasses() {
        assertEquals(List.of(), problems(referenceWith(metricTableWith(""))));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Every disagreement between the field tables of {@code markdown} and the config classes, in document order. */
    static List<String> problems(String markdown) {
        Map<String, Map<String, JsonNode>> actual = configFields();
        Map<String, Map<String, String>> documented = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String scope = null;
        for (String line : markdown.split("\n", -1)) {
            String l = line.strip();
            if (!l.startsWith("|")) {
                scope = null;
                continue;
            }
            List<String> cells = cells(l);
            if (scope == null) {
                Matcher h = HEADER.matcher(cells.get(0));
                scope = h.matches() ? (h.group(1) == null ? COMMON : h.group(1)) : "-";
                continue;
            }
            if ("-".equals(scope) || cells.get(0).matches("-+")) {
                continue;
            }
            String where = scope.isEmpty() ? "" : " (" + scope + ")";
            Matcher path = CODE.matcher(cells.get(0));
            if (!path.matches() || cells.size() < 2) {
                problems.add("row '" + l + "'" + where + ": the first cell must be one dotted path in backticks, the second its default");
                continue;
            }
            String p = path.group(1);
            Map<String, JsonNode> fields = actual.get(scope);
            if (fields == null) {
                problems.add(p + where + ": no such data source or component");
                continue;
            }
            if (documented.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(p, cells.get(1)) != null) {
                problems.add(p + where + ": documented twice");
            }
            if (!fields.containsKey(p)) {
                problems.add(p + where + ": documented but not a config field");
                continue;
            }
            Matcher d = CODE.matcher(cells.get(1));
            if (!d.matches()) {
                problems.add(p + where + ": the default must be one value in backticks, got '" + cells.get(1) + "'");
            } else if (!sameValue(d.group(1), fields.get(p))) {
                problems.add(p + where + ": documented default " + d.group(1) + ", the config classes have " + fields.get(p));
            }
        }
        actual.forEach((s, fields) -> {
            Map<String, String> doc = documented.getOrDefault(s, Map.of());
            fields.keySet().stream().filter(p -> !doc.containsKey(p))
                    .forEach(p -> problems.add(p + (s.isEmpty() ? "" : " (" + s + ")") + ": a config field that is not documented"));
        });
        return problems;
    }

    /**
     * The leaf paths of the config with their defaults, by scope: {@link #COMMON} for the fields of every config
     * (the data section's {@code source} only), and one scope per data source for the fields of that source.
     */
    static Map<String, Map<String, JsonNode>> configFields() {
        Map<String, Map<String, JsonNode>> scopes = new LinkedHashMap<>();
        Map<String, JsonNode> common = new TreeMap<>();
        leaves("", ConfigLoader.mapper().valueToTree(new ExperimentConfig()), common);
        common.keySet().removeIf(p -> p.startsWith("data.") && !p.equals("data.source"));
        // written only when not empty (a run without extra regularisers keeps its config.json), a field all the same
        assertTrue(ConfigLoader.mapper().valueToTree(new TrainingConfig()).path("regularisers").isMissingNode());
        common.put("training.regularisers", ConfigLoader.mapper().createArrayNode());
        scopes.put(COMMON, common);
        JsonSubTypes subtypes = DataConfig.class.getAnnotation(JsonSubTypes.class);
        for (JsonSubTypes.Type t : subtypes.value()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            leaves("data.", ConfigLoader.mapper().valueToTree(newInstance(t.value())), fields);
            assertEquals(TextNode.valueOf(t.name()), fields.remove("data.source"), "Jackson writes the source of " + t.value());
            scopes.put("source " + t.name(), fields);
        }
        assertEquals(List.of(DataConfig.SOURCES).stream().map(n -> "source " + n).toList(), new ArrayList<>(scopes.keySet()).subList(1, scopes.size()),
                "DataConfig.SOURCES and its @JsonSubTypes name the same sources");
        componentFields(BoundaryMapProvider.KIND, "boundary", (m, n) -> m.model.boundary.type = n, m -> m.model.boundary, scopes);
        componentFields(MetricProvider.KIND, "metric", (m, n) -> m.model.metric.type = n, m -> m.model.metric, scopes);
        componentFields(LayerSchemeProvider.KIND, "scheme", (m, n) -> m.model.scheme = ComponentSection.named(n), m -> m.model.scheme, scopes);
        componentFields(HorizonConditionProvider.KIND, "horizon", (m, n) -> m.model.horizon = ComponentSection.named(n), m -> m.model.horizon, scopes);
        componentFields(DataLossProvider.KIND, "loss", (m, n) -> m.training.loss = ComponentSection.named(n), m -> m.training.loss, scopes);
        componentFields(RegulariserProvider.KIND, "regulariser", (m, n) -> m.training.regularisers = List.of(ComponentSection.named(n)),
                m -> m.training.regularisers.get(0), scopes);
        spectralFields(scopes);
        return scopes;
    }

    /**
     * The meson-spectrum config ({@code "kind": "meson-spectrum"}): scope {@code kind meson-spectrum} for its fields
     * (the data section's {@code source} only) and {@code spectrum-source NAME} for the fields of each data source.
     */
    private static void spectralFields(Map<String, Map<String, JsonNode>> scopes) {
        Map<String, JsonNode> fields = new TreeMap<>();
        leaves("", ConfigLoader.mapper().valueToTree(new SpectralConfig()), fields);
        fields.keySet().removeIf(p -> p.startsWith("data.") && !p.equals("data.source"));
        scopes.put("kind " + SpectralConfig.KIND, fields);
        for (JsonSubTypes.Type t : SpectralConfig.Data.class.getAnnotation(JsonSubTypes.class).value()) {
            Map<String, JsonNode> source = new TreeMap<>();
            leaves("data.", ConfigLoader.mapper().valueToTree(newInstance(t.value())), source);
            assertEquals(TextNode.valueOf(t.name()), source.remove("data.source"), "Jackson writes the source of " + t.value());
            scopes.put("spectrum-source " + t.name(), source);
        }
    }

    /**
     * The fields each registered component of a kind reads from its section, with the defaults it fills in: the
     * section as it is resolved when the component is built into the default config.
     */
    private static void componentFields(Kind<?> kind, String section, java.util.function.BiConsumer<ExperimentConfig, String> choose,
                                        java.util.function.Function<ExperimentConfig, ComponentSection> read,
                                        Map<String, Map<String, JsonNode>> scopes) {
        for (String name : Registry.of(kind).names()) {
            if (Registry.origin(Registry.of(kind).get(name)).equals("test-classes")) {
                continue; // registered by a test to show the seam is open: not Holo's, not documented
            }
            ExperimentConfig c = new ExperimentConfig();
            choose.accept(c, name);
            org.holo.core.model.HolographicNetwork network = ModelAssembly.network(c.model);
            ModelAssembly.loss(c.training);
            ModelAssembly.regularisers(c.training, new org.holo.core.component.ModelContext(network.grid(), network.theory()), network.metric());
            String prefix = section.equals("loss") ? "training.loss." : section.equals("regulariser") ? "training.regularisers[]."
                    : "model." + section + ".";
            Map<String, JsonNode> fields = new TreeMap<>();
            read.apply(c).fields().forEach((k, v) -> fields.put(prefix + k, v));
            scopes.put(section + " " + name, fields);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the default " + type.getName(), e);
        }
    }

    private static void leaves(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                leaves(prefix + e.getKey() + ".", e.getValue(), out);
            } else {
                out.put(prefix + e.getKey(), e.getValue());
            }
        }
    }

    /** Whether the documented default (JSON, a bare word, or a/b) is the value of the config classes. */
    static boolean sameValue(String documented, JsonNode actual) {
        Matcher q = QUOTIENT.matcher(documented);
        if (q.matches()) {
            return actual.isNumber() && Double.parseDouble(q.group(1)) / Double.parseDouble(q.group(2)) == actual.doubleValue();
        }
        JsonNode doc;
        try {
            doc = ConfigLoader.mapper().readTree(documented);
        } catch (JsonProcessingException e) {
            doc = null;
        }
        if (doc == null || doc.isMissingNode()) {
            doc = TextNode.valueOf(documented);
        }
        return same(doc, actual);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The cells of a table row, without the outer pipes; "\|" inside a cell is not a separator. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String c : row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length()).split("(?<!\\\\)\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static String metricTableWith(String extraRow) {
        return "| field (source metric) | default | meaning |\n| --- | --- | --- |\n"
                + "| `data.metric` | `ads-schwarzschild` | |\n| `data.table` | `\"\"` | |\n| `data.labels` | `threshold` | |\n"
                + "| `data.phiRange` | `[0, 1.5]` | |\n"
                + "| `data.piRange` | `[-0.2, 0.2]` | |\n| `data.threshold` | `0.1` | |\n"
                + extraRow
                + "| `data.positives` | `1000` | |\n| `data.negatives` | `1000` | |\n";
    }

    /** A complete reference in the documented format, with {@code metricTable} as the metric source's table. */
    private static String referenceWith(String metricTable) {
        StringBuilder sb = new StringBuilder("# A small config reference\n\n| field | default | meaning |\n| --- | --- | --- |\n");
        Map<String, Map<String, JsonNode>> fields = configFields();
        fields.get(COMMON).forEach((p, v) -> sb.append("| `").append(p).append("` | `")
                .append(p.equals("model.grid.etaFin") ? "1/15" : literal(v)).append("` | |\n"));
        sb.append("\nText between tables ends a table.\n\n").append(metricTable);
        fields.forEach((scope, f) -> {
            if (!scope.isEmpty() && !scope.startsWith("source ") && !f.isEmpty()) {
                sb.append("\n| field (").append(scope).append(") | default | meaning |\n| --- | --- | --- |\n");
                f.forEach((p, v) -> sb.append("| `").append(p).append("` | `").append(literal(v)).append("` | |\n"));
            }
        });
        for (String source : new String[] {"band", "csv"}) {
            sb.append("\n| field (source ").append(source).append(") | default | meaning |\n| --- | --- | --- |\n");
            fields.get("source " + source).forEach((p, v) -> sb.append("| `").append(p).append("` | `").append(literal(v)).append("` | |\n"));
        }
        return sb.toString();
    }

    /** A default as config.md writes it: strings bare (the empty string as ""), everything else as JSON. */
    private static String literal(JsonNode v) {
        return v.isTextual() && !v.asText().isEmpty() ? v.asText() : v.toString();
    }
}
