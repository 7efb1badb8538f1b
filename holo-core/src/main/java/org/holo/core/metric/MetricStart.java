package org.holo.core.metric;

/**
 * How the metric starts (config {@code model.metricInit}): {@code normal} draws each per-layer weight from
 * Normal(mean, std²) with the run's init stream, {@code constant} sets it to mean, a named exact metric
 * ({@code ads}, {@code ads-schwarzschild}) gives h itself, and {@code table} or {@code run} give h as a
 * {@link TabulatedMetric} read from a file or a run directory ({@code given}).
 */
public record MetricStart(String type, double mean, double std, int dimension, Metric given) {

    public static final java.util.List<String> TYPES = java.util.List.of("normal", "constant", "ads", "ads-schwarzschild",
            "table", "run");

    /** A start that reads no file. */
    public MetricStart(String type, double mean, double std, int dimension) {
        this(type, mean, std, dimension, null);
    }

    /** Whether this start is read from a file ({@code table}) or a run directory ({@code run}). */
    public static boolean readsFile(String type) {
        return "table".equals(type) || "run".equals(type);
    }

    /** The exact metric this start names or was given, or null for normal and constant. */
    public Metric exact() {
        if ("normal".equals(type) || "constant".equals(type)) {
            return null;
        }
        if (readsFile(type)) {
            if (given == null) {
                throw new IllegalStateException("model.metricInit: a " + type + " start is read relative to the config file;"
                        + " this network was built without it");
            }
            return given;
        }
        return AnalyticMetrics.byName(type, dimension);
    }
}
