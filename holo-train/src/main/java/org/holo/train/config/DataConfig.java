package org.holo.train.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.component.MapSettings;

/**
 * Where the labelled training data come from: the {@code source} names a registered
 * {@link org.holo.train.data.DataSourceProvider}, which reads the other fields itself. The built-in sources keep their
 * typed sections (bound by Jackson, read by validation and reports); a plugin's source is a {@link Section}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "source")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DataConfig.Band.class, name = "band"),
    @JsonSubTypes.Type(value = DataConfig.FromMetric.class, name = "metric"),
    @JsonSubTypes.Type(value = DataConfig.Csv.class, name = "csv")
})
public abstract class DataConfig {

    /** The sources with a typed section here (the built-ins); any other registered source is read as a {@link Section}. */
    public static final String[] SOURCES = {"band", "metric", "csv"};

    /** The registered name of the source, as written in {@code data.source}. */
    public String source() {
        for (JsonSubTypes.Type t : DataConfig.class.getAnnotation(JsonSubTypes.class).value()) {
            if (t.value() == getClass()) {
                return t.name();
            }
        }
        throw new IllegalStateException(getClass() + " is not a registered data section");
    }

    /** The section's fields but {@code source}, as plain values for the source's provider to read under {@code path}. */
    public MapSettings settings(String path) {
        ObjectNode node = ConfigLoader.mapper().valueToTree(this);
        node.remove("source");
        return new MapSettings(path, ComponentSection.plainFields(node));
    }

    /** Records what the provider read, defaults included (a typed section already holds every field). */
    public void resolve(Map<String, Object> resolved) {
    }

    /** Makes the section's file paths absolute against {@code base}, so the resolved config runs from anywhere. */
    public abstract void resolvePaths(Path base);

    /** physics.md §6.1: a band around a polynomial fit of a dataset of (m_q, ⟨q̄q⟩) points. */
    public static final class Band extends DataConfig {
        /** CSV with columns m_q_GeV,condensate_GeV3; relative paths are relative to the config file. */
        public String dataset = "../datasets/lattice-chiral-condensate.csv";
        public int fitDegree = 3;
        public double[] mqRange_GeV = {0.0, 0.022};
        public double[] condensateRange_GeV3 = {0.0, 0.11};
        /** Standard deviation of ξ: a point is positive when |σ − fit(m_q)| &lt; |ξ|. */
        public double noiseStd_GeV3 = 0.004;
        public int positives = 10000;
        public int negatives = 10000;

        @Override
        public void resolvePaths(Path base) {
            dataset = base.resolve(dataset).normalize().toString();
        }
    }

    /** physics.md §6.2: raw (φ, π) labelled by the true network with a known metric. */
    public static final class FromMetric extends DataConfig {
        /** The metric read from {@link #table}. */
        public static final String TABLE = "table";
        public static final String THRESHOLD = "threshold";
        public static final String BERNOULLI = "bernoulli";

        /** ads or ads-schwarzschild (h = d or d coth dη), or table (h from {@link #table}). */
        public String metric = "ads-schwarzschild";
        /** CSV eta,h of the true metric when metric is table; relative to the config file. */
        public String table = "";
        /** threshold (|F| &lt; threshold is positive, classes filled to their counts) or bernoulli (y ~ Bernoulli(t(F))). */
        public String labels = THRESHOLD;
        public double[] phiRange = {0.0, 1.5};
        public double[] piRange = {-0.2, 0.2};
        /** A point is positive when |F| &lt; threshold. */
        public double threshold = 0.1;
        public int positives = 1000;
        public int negatives = 1000;

        @Override
        public void resolvePaths(Path base) {
            if (table != null && !table.isBlank()) {
                table = base.resolve(table).normalize().toString();
            }
        }
    }

    /** Labelled data made elsewhere (or by holo generate): the boundary map's input columns (e.g. m_q_GeV,condensate_GeV3 or phi,pi) and label. */
    public static final class Csv extends DataConfig {
        public String file = "";

        @Override
        public void resolvePaths(Path base) {
            file = base.resolve(file).normalize().toString();
        }
    }

    /**
     * The section of a source without a typed class here (a plugin's): its name and fields as written, read by the
     * source's provider; written back as {@code {"source": name, …}} with the fields the provider read, defaults included.
     */
    @JsonSerialize(using = Section.Writer.class)
    public static final class Section extends DataConfig {

        private final String source;
        private final Map<String, JsonNode> fields = new LinkedHashMap<>();

        public Section(String source) {
            this.source = source;
        }

        /** A section from its JSON object ({@code source} and the source's own fields). */
        public static Section of(ObjectNode node) {
            Section s = new Section(node.get("source").textValue());
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("source")) {
                    s.fields.put(e.getKey(), e.getValue().deepCopy());
                }
            }
            return s;
        }

        @Override
        public String source() {
            return source;
        }

        public Map<String, JsonNode> fields() {
            return Collections.unmodifiableMap(fields);
        }

        @Override
        public MapSettings settings(String path) {
            ObjectNode node = ConfigLoader.mapper().createObjectNode();
            node.setAll(fields);
            return new MapSettings(path, ComponentSection.plainFields(node));
        }

        @Override
        public void resolve(Map<String, Object> resolved) {
            fields.clear();
            resolved.forEach((k, v) -> fields.put(k, ConfigLoader.mapper().valueToTree(v)));
        }

        /** The fields the source's provider names as file paths, made absolute. */
        @Override
        public void resolvePaths(Path base) {
            List<String> files = org.holo.train.data.DataSources.registry().get(source).fileFields();
            for (String f : files) {
                JsonNode v = fields.get(f);
                if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                    fields.put(f, ConfigLoader.mapper().getNodeFactory().textNode(base.resolve(v.textValue()).normalize().toString()));
                }
            }
        }

        static final class Writer extends StdSerializer<Section> {
            Writer() {
                super(Section.class);
            }

            @Override
            public void serialize(Section s, JsonGenerator g, SerializerProvider provider) throws IOException {
                g.writeStartObject();
                g.writeStringField("source", s.source);
                for (Map.Entry<String, JsonNode> e : s.fields.entrySet()) {
                    g.writeFieldName(e.getKey());
                    g.writeTree(e.getValue());
                }
                g.writeEndObject();
            }

            @Override
            public void serializeWithType(Section s, JsonGenerator g, SerializerProvider provider, TypeSerializer type)
                    throws IOException {
                serialize(s, g, provider); // the source is written by serialize, from the section's own name
            }
        }
    }
}
