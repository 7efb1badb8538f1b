package org.holo.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.model.ParameterLayout;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Components read their own config sections: unknown fields named with their path, resolved sections written back. */
class ComponentSectionTest {

    @TempDir
    Path dir;

    private Path config(String edit) throws Exception {
        ObjectNode tree = (ObjectNode) ConfigLoader.mapper().readTree(Files.readString(TestSupport.qcdConfig()));
        ObjectNode model = (ObjectNode) tree.get("model");
        switch (edit) {
            case "raw-with-v1-fields":
                ((ObjectNode) model.get("boundary")).put("type", "raw");
                tree.put("data", (String) null);
                tree.remove("data");
                tree.set("data", ConfigLoader.mapper().readTree("{\"source\":\"metric\",\"metric\":\"ads\"}"));
                model.put("dimension", 4);
                break;
            case "format-2-raw-with-qcd-fields":
                tree.put(ConfigFormat.FIELD, 2);
                ((ObjectNode) model.get("boundary")).put("type", "raw");
                tree.set("data", ConfigLoader.mapper().readTree("{\"source\":\"metric\",\"metric\":\"ads\"}"));
                break;
            default:
                break;
        }
        Path file = dir.resolve(edit + ".json");
        Files.writeString(file, ConfigLoader.mapper().writeValueAsString(tree));
        return file;
    }

    @Test
    void aMisspeltComponentFieldIsNamedWithTheFieldsTheComponentReads() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestSupport.load(TestSupport.qcdConfig(), "model.boundary.colour=3"));
        assertTrue(e.getMessage().contains("model.boundary.colour"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field") && e.getMessage().contains("colours, initialRadius_GeV_inv, trainRadius"),
                e.getMessage());
    }

    @Test
    void anUnknownComponentNameListsTheRegisteredOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestSupport.load(TestSupport.qcdConfig(), "model.scheme=leapfrog"));
        assertTrue(e.getMessage().contains("model.scheme") && e.getMessage().contains("unknown layer scheme 'leapfrog' (known: euler, rk4)"),
                e.getMessage());
        ConfigException m = assertThrows(ConfigException.class, () -> TestSupport.load(TestSupport.qcdConfig(), "model.metric.type=fourier"));
        assertTrue(m.getMessage().contains("model.metric.type") && m.getMessage().contains("per-layer"), m.getMessage());
    }

    @Test
    void aComponentChecksItsOwnValues() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestSupport.load(TestSupport.qcdConfig(), "model.boundary.initialRadius_GeV_inv=-1"));
        assertTrue(e.getMessage().contains("model.boundary.initialRadius_GeV_inv") && e.getMessage().endsWith("must be positive, got -1.0"),
                e.getMessage());
        ConfigException t = assertThrows(ConfigException.class, () -> TestSupport.load(TestSupport.qcdConfig(), "model.boundary.colours=2.5"));
        assertTrue(t.getMessage().contains("model.boundary.colours") && t.getMessage().contains("wrong type, expected an integer"),
                t.getMessage());
    }

    @Test
    void formatOneFieldsOfTheBuiltInComponentsAreDroppedWhereNothingReadsThem() throws Exception {
        ExperimentConfig v1 = ConfigLoader.load(config("raw-with-v1-fields"), List.of()).config();
        assertEquals("raw", v1.model.boundary.type);
        assertTrue(v1.model.boundary.fields().isEmpty(), v1.model.boundary.fields().toString());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config("format-2-raw-with-qcd-fields"), List.of()));
        assertTrue(e.getMessage().contains("model.boundary.colours: unknown field"), e.getMessage());
    }

    @Test
    void theWrittenConfigHoldsEachComponentsResolvedFields() throws Exception {
        ExperimentConfig c = TestSupport.load(TestSupport.qcdConfig(), "model.boundary.trainRadius=false").config();
        JsonNode written = ConfigLoader.mapper().readTree(ConfigLoader.toJson(c));
        assertEquals(2, written.get(ConfigFormat.FIELD).intValue());
        JsonNode boundary = written.get("model").get("boundary");
        assertEquals("qcd", boundary.get("type").textValue());
        assertEquals(3, boundary.get("colours").intValue());
        assertEquals(false, boundary.get("trainRadius").booleanValue());
        assertEquals("euler", written.get("model").get("scheme").textValue());
        // and it builds the same network: L is a fixed block
        assertEquals(false, Experiment.network(c.model).layout().block(ParameterLayout.RADIUS).trainable());
    }
}
