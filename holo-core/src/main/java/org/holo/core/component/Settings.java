package org.holo.core.component;

/**
 * A component's own config section, read by the component itself (Tribuo's {@code @Config} fields, without
 * reflection): each read names the key and its default; after creation every key that no read asked for is
 * an unknown field and is rejected with its full path. Implementations carry the path for error messages.
 */
public interface Settings {

    /** The section's dotted path in the config, e.g. {@code model.metric}. */
    String path();

    boolean has(String key);

    double number(String key, double defaultValue);

    int integer(String key, int defaultValue);

    boolean flag(String key, boolean defaultValue);

    String text(String key, String defaultValue);

    /** A list of numbers; {@code defaultValue} (may be null) when absent. */
    double[] numbers(String key, double[] defaultValue);

    /** An error about {@code key} of this section, e.g. {@code model.metric.degree: must be at least 1, got 0}. */
    default IllegalArgumentException invalid(String key, String message) {
        return new IllegalArgumentException(path() + "." + key + ": " + message);
    }
}
