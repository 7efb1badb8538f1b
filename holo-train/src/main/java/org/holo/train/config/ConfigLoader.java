package org.holo.train.config;

import com.fasterxml.jackson.core.JsonParser;
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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a config strictly: unknown keys, wrong types and duplicate keys are errors naming the field path.
 * {@code --set a.b=v} overrides are applied to the JSON tree before binding, so they obey the same rules.
 */
public final class ConfigLoader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

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
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + name, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(name + ": a config is a JSON object { \"model\": …, \"data\": …, \"training\": … }");
        }
        for (String o : overrides) {
            applyOverride((ObjectNode) tree, o);
        }
        ExperimentConfig config = bind(tree, name);
        ConfigValidator.validate(config, name);
        Path base = file.toAbsolutePath().getParent();
        resolvePaths(config, base);
        return new Loaded(config, base, file);
    }

    /** Makes data file paths absolute, so the resolved config runs from anywhere (e.g. a run directory). */
    static void resolvePaths(ExperimentConfig config, Path base) {
        if (config.data instanceof DataConfig.Band) {
            DataConfig.Band b = (DataConfig.Band) config.data;
            b.dataset = base.resolve(b.dataset).normalize().toString();
        } else if (config.data instanceof DataConfig.Csv) {
            DataConfig.Csv c = (DataConfig.Csv) config.data;
            c.file = base.resolve(c.file).normalize().toString();
        }
    }

    static ExperimentConfig bind(JsonNode tree, String name) {
        try {
            return MAPPER.treeToValue(tree, ExperimentConfig.class);
        } catch (InvalidTypeIdException e) {
            throw new ConfigException(name + ": " + path(e) + ": unknown or missing source '" + e.getTypeId()
                    + "' (expected one of " + String.join(", ", DataConfig.SOURCES) + ")");
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
            throw new ConfigException(name + ": " + path(e) + ": unknown field (known fields here: " + String.join(", ", known) + ")");
        } catch (MismatchedInputException e) {
            String target = e.getTargetType() == null ? "a different value" : describe(e.getTargetType());
            throw new ConfigException(name + ": " + path(e) + ": wrong type, expected " + target);
        } catch (JsonMappingException e) {
            throw new ConfigException(name + ": " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": " + e.getOriginalMessage());
        }
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
