package org.holo.train.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.holo.train.data.DataSources;

/**
 * Reads a config strictly: unknown keys, wrong types and duplicate keys are errors naming the field path.
 * {@code --set a.b=v} overrides are applied to the JSON tree before binding, so they obey the same rules.
 */
public final class ConfigLoader {

    /** Deepest nesting of a config: a config has four levels, so anything near this is not one. */
    public static final int MAX_NESTING = 64;
    /** Largest config file: configs are a few kB; this refuses other files before reading them whole. */
    public static final long MAX_BYTES = 16L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\((.*)\\) out of range of (int|long).*");

    private ConfigLoader() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A loaded config and the directory its relative paths are relative to. */
    public record Loaded(ExperimentConfig config, Path baseDir, Path file) {
    }

    public static Loaded load(Path file, List<String> overrides) {
        String name = file.toString();
        ObjectNode tree = readTree(file, overrides);
        JsonNode kind = tree.get(KIND);
        if (kind != null) {
            // another experiment (docs/config.md): the commands that take it check the kind before calling this
            throw new ConfigException(name + ": " + KIND + ": " + ("meson-spectrum".equals(kind.asText())
                    ? "a meson-spectrum config: holo train, ensemble, config, predict, plot, export and reproduce take it, this command does not"
                    : "unknown value " + kind + " (the one other kind is meson-spectrum; a holographic-network config has no kind field)"));
        }
        ExperimentConfig config;
        try {
            JsonNode data = tree.get("data");
            if (data != null && !data.isObject() && !data.isNull()) {
                // Jackson's polymorphic binding would read a string as a bare source name or ["band"] as a wrapper
                String v = data.toString();
                throw new ConfigException(name + ": data: wrong type, expected an object { \"source\": …, … }"
                        + (v.length() > 60 ? "" : ", found " + v));
            }
            config = bind(tree, name);
            ConfigValidator.validate(config, name);
        } catch (ConfigException e) {
            throw fromOverride(e, name, overrides);
        }
        Path base = file.toAbsolutePath().getParent();
        resolvePaths(config, base);
        return new Loaded(config, base, file);
    }

    /** The value of the top-level {@code kind} field of a config, or null when it has none (the holographic network). */
    public static String kind(Path file) {
        JsonNode k = readTree(file, List.of()).get(KIND);
        return k == null ? null : k.asText();
    }

    /** The top-level field that selects an experiment kind other than the holographic network (docs/config.md). */
    public static final String KIND = "kind";

    /**
     * The config file as a JSON object with the {@code --set} overrides applied and older formats upgraded: one-line
     * errors for a missing, oversized, non-UTF-8, empty or malformed file.
     */
    public static ObjectNode readTree(Path file, List<String> overrides) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(name + ": is a directory, expected a JSON config file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // opening a FIFO would wait for a writer
            throw new ConfigException(name + ": is not a regular file (a FIFO, socket or device?), expected a JSON config file");
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(name + ": " + size + " bytes is too large for a config (at most " + MAX_BYTES
                        + " bytes; a config is a JSON object of a few kB)");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file");
        } catch (MalformedInputException e) {
            throw new ConfigException(name + ": not UTF-8 text (a config is a JSON file)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + name, e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a UTF-8 byte-order mark, as some editors write
        }
        if (text.isBlank()) {
            throw new ConfigException(name + ": the file is empty (a config is a JSON object { \"model\": …, \"data\": …, \"training\": … })");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String first = text.strip().lines().findFirst().orElse("");
            String hint = !first.startsWith("{") && !first.startsWith("[") && first.contains(",")
                    ? " (this looks like a CSV file: a config is a JSON object)" : "";
            JsonLocation at = e.getLocation() != null ? e.getLocation() : whereParsingStops(text);
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(name + ": not valid JSON" + where + ": " + syntaxProblem(e) + hint);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(name + ": a config is a JSON object { \"model\": …, \"data\": …, \"training\": … }");
        }
        for (String o : overrides) {
            applyOverride((ObjectNode) tree, o);
        }
        ConfigFormat.upgrade((ObjectNode) tree);
        return (ObjectNode) tree;
    }

    /**
     * Where the parser stops on {@code text}: for errors whose exception carries no location (the limits of
     * {@link StreamReadConstraints}: nesting depth, number and string length).
     */
    private static JsonLocation whereParsingStops(String text) {
        JsonParser p = null;
        try {
            p = MAPPER.createParser(text);
            while (p.nextToken() != null) {
                // read to the error
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return p == null ? null : p.currentLocation();
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // nothing was written
                }
            }
        }
    }

    private static final Pattern LIMIT = Pattern.compile("(Document nesting depth|Number value length|String value length)"
            + " \\((\\d+)\\) exceeds the maximum (?:allowed|length) \\((\\d+).*", Pattern.DOTALL);

    /**
     * Jackson's description of a syntax error, cut to one line without parser internals (source descriptions,
     * feature names, Java types).
     */
    static String syntaxProblem(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        Matcher limit = LIMIT.matcher(m);
        if (limit.matches()) {
            switch (limit.group(1)) {
                case "Document nesting depth":
                    return "nested more than " + limit.group(3) + " levels deep (a config is an object of a few levels)";
                case "Number value length":
                    return "a number of more than " + limit.group(3) + " characters";
                default:
                    return "a string of more than " + limit.group(3) + " characters";
            }
        }
        if (m.startsWith("Trailing token")) {
            return "unexpected content after the end of the config object (only one JSON object per file)";
        }
        if (m.startsWith("Duplicate field")) {
            return m.replace("Duplicate field", "duplicate field") + " (each field may appear once)";
        }
        m = m.replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        m = m.replaceAll("\\s*\\(not recognized as one since Feature[^)]*\\)", " (comments are not allowed in JSON)");
        m = m.replaceAll(":?\\s*enable `[^`]*` to allow", " (not allowed in JSON)");
        m = m.replaceAll(":?\\s*\\(?(for|as per) `[^`]*`\\)?", "");
        m = m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return m.strip();
    }

    /** A binding or validation error of a field that came from {@code --set}: say so, with the override. */
    public static ConfigException fromOverride(ConfigException e, String name, List<String> overrides) {
        String m = e.getMessage();
        String prefix = name + ": ";
        if (!m.startsWith(prefix)) {
            return e;
        }
        String rest = m.substring(prefix.length());
        for (int i = overrides.size() - 1; i >= 0; i--) {
            String o = overrides.get(i);
            int eq = o.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = o.substring(0, eq).strip();
            int colon = rest.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            String field = rest.substring(0, colon);
            // the field the override set, something inside it, or the (unknown) section it created
            if (field.equals(key) || field.startsWith(key + ".") || field.startsWith(key + "[")
                    || (key.startsWith(field + ".") && rest.startsWith(field + ": unknown field"))) {
                return new ConfigException(prefix + field + " (from --set " + o.strip() + "): " + rest.substring(colon + 2));
            }
        }
        return e;
    }

    /** Makes data file paths absolute, so the resolved config runs from anywhere (e.g. a run directory). */
    static void resolvePaths(ExperimentConfig config, Path base) {
        if (config.data != null) {
            config.data.resolvePaths(base);
        }
        ModelConfig.MetricInit init = config.model == null ? null : config.model.metricInit;
        if (init != null && init.file != null && !init.file.isBlank()) {
            init.file = base.resolve(init.file).normalize().toString();
        }
    }

    /**
     * Binds an experiment config; a data source without a typed section here (a plugin's) is kept as a
     * {@link DataConfig.Section} for its provider to read, an unregistered one is an error listing the registered names.
     */
    static ExperimentConfig bind(JsonNode tree, String name) {
        JsonNode data = tree.get("data");
        JsonNode source = data == null || !data.isObject() ? null : data.get("source");
        if (source == null || !source.isTextual() || java.util.Arrays.asList(DataConfig.SOURCES).contains(source.textValue())) {
            return bind(tree, name, ExperimentConfig.class);
        }
        if (!DataSources.registry().has(source.textValue())) {
            throw new ConfigException(name + ": data.source: " + DataSources.unknown(source.textValue()));
        }
        ObjectNode rest = ((ObjectNode) tree).deepCopy();
        rest.remove("data");
        ExperimentConfig config = bind(rest, name, ExperimentConfig.class);
        config.data = DataConfig.Section.of((ObjectNode) data);
        return config;
    }

    /** Binds a config tree to {@code type} strictly; errors name the field path (see {@link #load}). */
    public static <T> T bind(JsonNode tree, String name, Class<T> configClass) {
        try {
            return MAPPER.treeToValue(tree, configClass);
        } catch (InvalidTypeIdException e) {
            String where = path(e);
            String field = where.equals("(top level)") ? "source" : where + ".source";
            // the data sources are a registry: name them all, plugins' included
            if (e.getTypeId() == null) {
                throw new ConfigException(name + ": " + field + ": is missing (expected one of " + String.join(", ", DataSources.names()) + ")");
            }
            throw new ConfigException(name + ": " + field + ": " + DataSources.unknown(e.getTypeId()));
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
            throw new ConfigException(name + ": " + path(e) + ": unknown field (known fields here: " + String.join(", ", known) + ")");
        } catch (MismatchedInputException e) {
            String where = path(e);
            Class<?> type = e.getTargetType();
            if (type != null && type.isArray() && where.endsWith("]")) {
                type = type.getComponentType(); // an element of an array
            }
            String target = type == null ? "a different value" : describe(type);
            throw new ConfigException(name + ": " + where + ": wrong type, expected " + target + found(tree, e));
        } catch (JsonMappingException e) {
            String m = oneLine(e.getOriginalMessage());
            Matcher range = OUT_OF_RANGE.matcher(m);
            if (range.matches()) {
                m = "wrong type, expected an integer between " + ("int".equals(range.group(2))
                        ? Integer.MIN_VALUE + " and " + Integer.MAX_VALUE : Long.MIN_VALUE + " and " + Long.MAX_VALUE)
                        + ", found " + range.group(1);
            }
            throw new ConfigException(name + ": " + path(e) + ": " + m);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": " + oneLine(e.getOriginalMessage()));
        }
    }

    private static String oneLine(String m) {
        if (m == null) {
            return "invalid value";
        }
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll(" \\(through reference chain[^)]*\\)", "").strip();
    }

    /** ", found <the JSON value>" for the node at the error's path, when it can be found and is short. */
    private static String found(JsonNode tree, JsonMappingException e) {
        JsonNode n = tree;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (n == null) {
                return "";
            }
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : r.getIndex() >= 0 ? n.get(r.getIndex()) : null;
        }
        if (n == null || n == tree) {
            return "";
        }
        String v = n.toString();
        return v.length() > 60 ? "" : ", found " + v;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == double[].class) {
            return "an array of numbers";
        }
        if (type == int[].class) {
            return "an array of integers";
        }
        if (type == String[].class) {
            return "an array of strings";
        }
        if (type == ComponentSection.class) {
            return "a component name or an object { \"type\": … }";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list [ … ]";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.toString();
    }

    /** Applies one {@code dotted.path=value} override; the value is JSON if it parses as JSON, else a string. */
    public static void applyOverride(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + override + ": expected key=value with a dotted key, e.g. training.epochs=5");
        }
        String key = override.substring(0, eq).strip();
        String raw = override.substring(eq + 1).strip();
        String[] parts = key.split("\\.", -1);
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                throw new ConfigException("--set " + key + ": empty path segment");
            }
            JsonNode child = node.get(parts[i]);
            if (child == null) {
                child = node.putObject(parts[i]);
            } else if (!child.isObject()) {
                throw new ConfigException("--set " + key + ": '" + String.join(".", List.of(parts).subList(0, i + 1))
                        + "' is not a section");
            }
            node = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        if (leaf.isEmpty()) {
            throw new ConfigException("--set " + key + ": empty path segment");
        }
        node.set(leaf, parseValue(raw));
    }

    private static JsonNode parseValue(String raw) {
        try {
            JsonNode v = MAPPER.readTree(raw);
            if (v != null && !v.isMissingNode()) {
                return v;
            }
        } catch (JsonProcessingException e) {
            // not JSON: a bare word such as rk4 or a path
        }
        return TextNode.valueOf(raw);
    }

    /** The resolved config as pretty JSON. */
    public static String toJson(ExperimentConfig config) {
        try {
            return MAPPER.writeValueAsString(config) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise config", e);
        }
    }
}
