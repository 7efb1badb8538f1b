package org.holo.train.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.component.MapSettings;

/**
 * The config section of one component: the registered name that chooses it ({@code type}) and the fields that
 * component reads itself. Written either as the bare name ({@code "scheme": "rk4"}) or as an object
 * ({@code "boundary": {"type": "qcd", "colours": 3}}); it is written back in the form it was read.
 */
@JsonDeserialize(using = ComponentSection.Reader.class)
@JsonSerialize(using = ComponentSection.Writer.class)
public final class ComponentSection {

    public static final String TYPE = "type";

    /** The component's registered name. */
    public String type;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();
    private boolean bare;

    private ComponentSection(String type, boolean bare) {
        this.type = type;
        this.bare = bare;
    }

    /** A section written as a bare name. */
    public static ComponentSection named(String type) {
        return new ComponentSection(type, true);
    }

    /** A section written as an object with its type. */
    public static ComponentSection object(String type) {
        return new ComponentSection(type, false);
    }

    /** The component's own fields as plain values, for it to read under {@code path}. */
    public MapSettings settings(String path) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((k, v) -> values.put(k, plain(v)));
        return new MapSettings(path, values);
    }

    /** Replaces the fields by what the component read, defaults included: the resolved section. */
    public void resolve(Map<String, Object> resolved) {
        fields.clear();
        resolved.forEach((k, v) -> fields.put(k, ConfigLoader.mapper().valueToTree(v)));
        if (!fields.isEmpty()) {
            bare = false;
        }
    }

    /** Whether the section is written as the bare name ({@code "scheme": "rk4"}) rather than an object with a type. */
    public boolean isBare() {
        return bare;
    }

    public Map<String, JsonNode> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The fields of a JSON object as plain values, as {@link MapSettings} reads them. */
    static Map<String, Object> plainFields(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), plain(e.getValue())));
        return values;
    }

    private static Object plain(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(plain(e)));
            return list;
        }
        return v.toString(); // an object or null: reported as a wrong type by whoever reads it
    }

    static final class Reader extends StdDeserializer<ComponentSection> {
        Reader() {
            super(ComponentSection.class);
        }

        @Override
        public ComponentSection deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (node.isTextual()) {
                return named(node.textValue());
            }
            if (!node.isObject()) {
                return (ComponentSection) ctxt.handleUnexpectedToken(ComponentSection.class, p.currentToken(), p, null);
            }
            JsonNode type = node.get(TYPE);
            if (type == null || !type.isTextual()) {
                // Jackson prefixes the section's path: "model.boundary: type: is missing …"
                throw com.fasterxml.jackson.databind.JsonMappingException.from(p, TYPE + ": " + (type == null
                        ? "is missing (the name of a registered component)" : "wrong type, expected a string, found " + type));
            }
            ComponentSection s = object(type.textValue());
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals(TYPE)) {
                    s.fields.put(e.getKey(), e.getValue());
                }
            }
            return s;
        }
    }

    static final class Writer extends StdSerializer<ComponentSection> {
        Writer() {
            super(ComponentSection.class);
        }

        @Override
        public void serialize(ComponentSection s, JsonGenerator g, SerializerProvider provider) throws IOException {
            if (s.bare && s.fields.isEmpty()) {
                g.writeString(s.type);
                return;
            }
            g.writeStartObject();
            g.writeStringField(TYPE, s.type);
            for (Map.Entry<String, JsonNode> e : s.fields.entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeTree(e.getValue());
            }
            g.writeEndObject();
        }
    }
}
