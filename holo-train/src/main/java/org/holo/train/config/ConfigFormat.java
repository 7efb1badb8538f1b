package org.holo.train.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Config formats, read without special cases elsewhere. Format 1 (Holo v1, no {@code format} field) gave every
 * boundary and metric section the fields of the built-in qcd and horizon components, so a v1 config.json carries
 * them for raw and per-layer too; there they were never read, and reading a format-1 config drops them. From
 * format 2 on each component section holds only the fields its component reads.
 */
public final class ConfigFormat {

    public static final String FIELD = "format";
    public static final int CURRENT = 2;

    /** Format-1 fields of a section, by section path, and the component type that read them. */
    private static final Map<String, Map.Entry<String, List<String>>> V1_SHARED = Map.of(
            "boundary", Map.entry("qcd", List.of("colours", "initialRadius_GeV_inv", "trainRadius")),
            "metric", Map.entry("horizon", List.of("horizonCoefficient", "trainHorizonCoefficient")));

    private ConfigFormat() {
    }

    /** Brings a parsed config tree of an older format to the current one, in place. */
    public static void upgrade(ObjectNode root) {
        JsonNode format = root.get(FIELD);
        if (format != null) {
            return;
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isObject()) {
            return;
        }
        V1_SHARED.forEach((section, reader) -> {
            JsonNode s = model.get(section);
            if (s != null && s.isObject()) {
                JsonNode type = s.get(ComponentSection.TYPE);
                String t = type == null ? defaultType(section) : type.asText();
                if (!reader.getKey().equals(t)) {
                    ((ObjectNode) s).remove(reader.getValue());
                }
            }
        });
    }

    private static String defaultType(String section) {
        ModelConfig defaults = new ModelConfig();
        return "boundary".equals(section) ? defaults.boundary.type : defaults.metric.type;
    }
}
