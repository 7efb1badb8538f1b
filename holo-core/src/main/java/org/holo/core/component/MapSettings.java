package org.holo.core.component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link Settings} over a map of plain values (Number, Boolean, String, double[] or a List of numbers), as a config
 * reader hands them over. It remembers every key a component read and the value it used, default included, so the
 * caller can reject the keys nobody read and write the resolved section back.
 */
public final class MapSettings implements Settings {

    private final String path;
    private final Map<String, Object> values;
    private final Map<String, Object> used = new LinkedHashMap<>();

    public MapSettings(String path, Map<String, Object> values) {
        this.path = path;
        this.values = new LinkedHashMap<>(values);
    }

    /** A section with no fields. */
    public static MapSettings empty(String path) {
        return new MapSettings(path, Map.of());
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean has(String key) {
        return values.containsKey(key);
    }

    @Override
    public double number(String key, double defaultValue) {
        return read(key, defaultValue, "a number", v -> v instanceof Number ? ((Number) v).doubleValue() : null);
    }

    @Override
    public int integer(String key, int defaultValue) {
        return read(key, defaultValue, "an integer", v -> {
            if (!(v instanceof Integer || v instanceof Long || v instanceof Short)) {
                return null;
            }
            long l = ((Number) v).longValue();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw invalid(key, "wrong type, expected an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", found " + l);
            }
            return (int) l;
        });
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        return read(key, defaultValue, "true or false", v -> v instanceof Boolean ? (Boolean) v : null);
    }

    @Override
    public String text(String key, String defaultValue) {
        return read(key, defaultValue, "a string", v -> v instanceof String ? (String) v : null);
    }

    @Override
    public double[] numbers(String key, double[] defaultValue) {
        double[] a = read(key, defaultValue == null ? null : defaultValue.clone(), "an array of numbers", v -> {
            if (v instanceof double[]) {
                return ((double[]) v).clone();
            }
            if (!(v instanceof List)) {
                return null;
            }
            List<?> list = (List<?>) v;
            double[] d = new double[list.size()];
            for (int i = 0; i < d.length; i++) {
                if (!(list.get(i) instanceof Number)) {
                    throw invalid(key + "[" + i + "]", "wrong type, expected a number, found " + show(list.get(i)));
                }
                d[i] = ((Number) list.get(i)).doubleValue();
            }
            return d;
        });
        return a == null ? null : a.clone();
    }

    /**
     * The value of {@code key} converted by {@code convert} (null: not of the {@code expected} type), or the default
     * when absent; either way recorded as used, unless there is none (an absent key with no default).
     */
    private <T> T read(String key, T defaultValue, String expected, java.util.function.Function<Object, T> convert) {
        Object v = values.get(key);
        T value = v == null ? defaultValue : convert.apply(v);
        if (value == null && v != null) {
            throw invalid(key, "wrong type, expected " + expected + ", found " + show(v));
        }
        if (value != null) {
            used.put(key, value);
        }
        return value;
    }

    /** The keys present that no read asked for, sorted: unknown fields of this component. */
    public List<String> unread() {
        TreeSet<String> keys = new TreeSet<>(values.keySet());
        keys.removeAll(used.keySet());
        return List.copyOf(keys);
    }

    /** Rejects the first unknown field, naming its path and the fields this component reads. */
    public void requireAllRead() {
        List<String> unknown = unread();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(path + "." + unknown.get(0) + ": unknown field (known fields here: "
                    + (used.isEmpty() ? "none" : String.join(", ", new TreeSet<>(used.keySet()))) + ")");
        }
    }

    /** Every key read with the value used, defaults included, in reading order: the resolved section. */
    public Map<String, Object> resolved() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(used));
    }

    private static String show(Object v) {
        return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    }
}
