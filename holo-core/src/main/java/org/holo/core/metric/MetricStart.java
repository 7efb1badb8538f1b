package org.holo.core.metric;

/**
 * How the metric starts (config {@code model.metricInit}): {@code normal} draws each per-layer weight from
 * Normal(mean, std²) with the run's init stream, {@code constant} sets it to mean, and a named exact metric
 * ({@code ads}, {@code ads-schwarzschild}) gives h itself.
 */
public record MetricStart(String type, double mean, double std, int dimension) {

    public static final java.util.List<String> TYPES = java.util.List.of("normal", "constant", "ads", "ads-schwarzschild");

    /** The exact metric this start names, or null for normal and constant. */
    public Metric exact() {
        return "normal".equals(type) || "constant".equals(type) ? null : AnalyticMetrics.byName(type, dimension);
    }
}
