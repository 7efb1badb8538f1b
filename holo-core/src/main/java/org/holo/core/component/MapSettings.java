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
        Object v = values.get(key);
        double d;
        if (v == null) {
            d = defaultValue;
        } else if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else {
            throw wrongType(key, "a number", v);
        }
        used.put(key, d);
        return d;
    }

    @Override
    public int integer(String key, int defaultValue) {
        Object v = values.get(key);
        int i;
        if (v == null) {
            i = defaultValue;
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            long l = ((Number) v).longValue();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw invalid(key, "wrong type, expected an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", found " + l);
            }
            i = (int) l;
        } else {
            throw wrongType(key, "an integer", v);
        }
        used.put(key, i);
        return i;
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        Object v = values.get(key);
        boolean b;
        if (v == null) {
            b = defaultValue;
        } else if (v instanceof Boolean) {
            b = (Boolean) v;
        } else {
            throw wrongType(key, "true or false", v);
        }
        used.put(key, b);
        return b;
    }

    @Override
    public String text(String key, String defaultValue) {
        Object v = values.get(key);
        String s;
        if (v == null) {
            s = defaultValue;
        } else if (v instanceof String) {
            s = (String) v;
        } else {
            throw wrongType(key, "a string", v);
        }
        used.put(key, s);
        return s;
    }

    @Override
    public double[] numbers(String key, double[] defaultValue) {
        Object v = values.get(key);
        double[] a;
        if (v == null) {
            a = defaultValue == null ? null : defaultValue.clone();
        } else if (v instanceof double[]) {
            a = ((double[]) v).clone();
        } else if (v instanceof List) {
            List<?> list = (List<?>) v;
            a = new double[list.size()];
            for (int i = 0; i < a.length; i++) {
                if (!(list.get(i) instanceof Number)) {
                    throw invalid(key + "[" + i + "]", "wrong type, expected a number, found " + show(list.get(i)));
                }
                a[i] = ((Number) list.get(i)).doubleValue();
            }
        } else {
            throw wrongType(key, "an array of numbers", v);
        }
        if (a != null) {
            used.put(key, a.clone());
        }
        return a;
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

    private IllegalArgumentException wrongType(String key, String expected, Object found) {
        return invalid(key, "wrong type, expected " + expected + ", found " + show(found));
    }

    private static String show(Object v) {
        return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    }
}
