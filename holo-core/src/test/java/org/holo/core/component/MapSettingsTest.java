package org.holo.core.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A component's section: typed reads with defaults, wrong types named with their path, unknown keys found. */
class MapSettingsTest {

    private static MapSettings section(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new MapSettings("model.boundary", m);
    }

    @Test
    void readsValuesAndDefaultsAndRecordsWhatWasUsed() {
        MapSettings s = section("colours", 5L, "scale", 2, "train", false, "name", "x", "knots", List.of(1L, 2.5));
        assertEquals(5, s.integer("colours", 3));
        assertEquals(2.0, s.number("scale", 1.0), 0.0);
        assertEquals(false, s.flag("train", true));
        assertEquals("x", s.text("name", "y"));
        assertArrayEquals(new double[] {1.0, 2.5}, s.numbers("knots", null), 0.0);
        assertEquals(0.8, s.number("radius", 0.8), 0.0);
        assertNull(s.numbers("absent", null));
        assertEquals(List.of(), s.unread());
        assertEquals(List.of("colours", "scale", "train", "name", "knots", "radius"), List.copyOf(s.resolved().keySet()));
    }

    @Test
    void wrongTypesNameTheFieldAndWhatWasFound() {
        assertEquals("model.boundary.colours: wrong type, expected an integer, found 2.5",
                assertThrows(IllegalArgumentException.class, () -> section("colours", 2.5).integer("colours", 3)).getMessage());
        assertEquals("model.boundary.scale: wrong type, expected a number, found \"big\"",
                assertThrows(IllegalArgumentException.class, () -> section("scale", "big").number("scale", 1)).getMessage());
        assertEquals("model.boundary.train: wrong type, expected true or false, found 1",
                assertThrows(IllegalArgumentException.class, () -> section("train", 1L).flag("train", true)).getMessage());
        assertEquals("model.boundary.knots[1]: wrong type, expected a number, found \"a\"",
                assertThrows(IllegalArgumentException.class, () -> section("knots", List.of(1L, "a")).numbers("knots", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> section("colours", 1L << 40).integer("colours", 3));
    }

    @Test
    void aKeyNoReadAskedForIsAnUnknownField() {
        MapSettings s = section("colours", 3L, "colour", 3L);
        s.integer("colours", 3);
        assertEquals(List.of("colour"), s.unread());
        assertEquals("model.boundary.colour: unknown field (known fields here: colours)",
                assertThrows(IllegalArgumentException.class, s::requireAllRead).getMessage());
    }
}
