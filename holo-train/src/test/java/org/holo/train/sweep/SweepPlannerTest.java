package org.holo.train.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlannerTest {

    @TempDir
    Path tmp;

    private SweepSpec spec(String body) throws Exception {
        Path f = tmp.resolve("spec.json");
        Files.writeString(f, "{\"base\": \"" + TestSupport.adsConfig() + "\", " + body + "}");
        return SweepSpec.read(f);
    }

    @Test
    void aProductVariesTheLastAxisFastestAndSetsComeFirst() throws Exception {
        SweepSpec s = spec("\"set\": {\"training.epochs\": 2}, \"axes\": ["
                + "{\"name\": \"layers\", \"path\": \"model.grid.layers\", \"values\": [5, 10, 20]},"
                + "{\"name\": \"seed\", \"path\": \"training.seed\", \"values\": \"1..2\"}]");
        List<SweepPoint> p = SweepPlanner.points(s);
        assertEquals(6, p.size());
        assertEquals(List.of("training.epochs=2", "model.grid.layers=10", "training.seed=2"), p.get(3).overrides());
        assertEquals("layers=20, seed=1", p.get(4).describe());
        for (int i = 0; i < 6; i++) {
            assertEquals(i, p.get(i).index());
            assertEquals(new long[] {5, 5, 10, 10, 20, 20}[i], p.get(i).axes().get("layers").asLong());
            assertEquals(1 + i % 2, p.get(i).axes().get("seed").asLong());
        }
    }

    @Test
    void zippedAxesMoveTogether() throws Exception {
        SweepSpec s = spec("\"axes\": ["
                + "{\"name\": \"layers\", \"path\": \"model.grid.layers\", \"values\": [5, 10]},"
                + "{\"name\": \"seed\", \"path\": \"training.seed\", \"values\": \"7..9\"},"
                + "{\"name\": \"lr\", \"path\": \"training.learningRate\", \"values\": [0.1, 0.01]}],"
                + "\"zip\": [[\"layers\", \"lr\"]]");
        List<SweepPoint> p = SweepPlanner.points(s);
        assertEquals(6, p.size(), "2 zipped x 3 seeds, not 2 x 3 x 2");
        for (SweepPoint x : p) {
            double lr = x.axes().get("lr").asDouble();
            assertEquals(x.axes().get("layers").asLong() == 5 ? 0.1 : 0.01, lr);
        }
        assertEquals(List.of("model.grid.layers=10", "training.seed=7", "training.learningRate=0.01"), p.get(3).overrides());
    }

    @Test
    void rangesAreExact() throws Exception {
        SweepSpec s = spec("\"axes\": ["
                + "{\"name\": \"c\", \"path\": \"training.smoothnessRegularisation\", \"values\": {\"from\": 0.1, \"to\": 0.3, \"step\": 0.1}},"
                + "{\"name\": \"lr\", \"path\": \"training.learningRate\", \"values\": {\"from\": 0.0001, \"to\": 0.01, \"count\": 3, \"scale\": \"log\"}},"
                + "{\"name\": \"n\", \"path\": \"model.grid.layers\", \"values\": {\"from\": 4, \"to\": 10, \"step\": 3}}]");
        assertEquals("[0.1, 0.2, 0.3]", s.axes().get(0).values().toString(), "0.1 + 0.1 + 0.1 is 0.3, not 0.30000000000000004");
        List<Double> lr = s.axes().get(1).values().stream().map(v -> v.asDouble()).toList();
        assertEquals(1e-4, lr.get(0), 1e-18);
        assertEquals(1e-3, lr.get(1), 1e-15);
        assertEquals(0.01, lr.get(2));
        assertEquals("[4, 7, 10]", s.axes().get(2).values().toString());
        assertTrue(s.axes().get(2).values().get(0).isIntegralNumber());
    }

    @Test
    void badSpecsAreNamedByFieldPath() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> spec("\"axes\": [{\"name\": \"a\", \"path\": \"training.seed\", \"values\": \"3..1\"}]"));
        assertTrue(e.getMessage().endsWith("spec.json: axes[0].values: the range 3..1 is empty"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> spec("\"axes\": [{\"name\": \"a\", \"path\": \"x\", \"values\": [1]},"
                + "{\"name\": \"b\", \"path\": \"y\", \"values\": [1, 2]}], \"zip\": [[\"a\", \"b\"]]"));
        assertTrue(e.getMessage().contains("zip[0]: zipped axes need as many values each"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> spec("\"axes\": [{\"name\": \"a\", \"path\": \"x\", \"value\": [1]}]"));
        assertTrue(e.getMessage().contains("axes[0].value: unknown field"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> spec("\"set\": {\"training.seed\": 1}, \"axes\": [{\"name\": \"a\", \"path\": \"training.seed\", \"values\": [1]}]"));
        assertTrue(e.getMessage().contains("axes[0].path: training.seed is already set or swept"), e.getMessage());
    }
}
