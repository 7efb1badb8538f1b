package org.holo.core.metric;

/** The exact metric families of physics.md §1. */
public final class AnalyticMetrics {

    private AnalyticMetrics() {
    }

    /** Pure AdS_{d+1}: h = d. */
    public static Metric ads(int d) {
        requireDimension(d);
        return eta -> d;
    }

    /** AdS_{d+1}-Schwarzschild with the horizon at η = 0: h = d coth(dη). */
    public static Metric adsSchwarzschild(int d) {
        requireDimension(d);
        return eta -> d / StrictMath.tanh(d * eta);
    }

    /**
     * A metric by name: {@code ads} or {@code ads-schwarzschild}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Metric byName(String name, int d) {
        switch (name) {
            case "ads":
                return ads(d);
            case "ads-schwarzschild":
                return adsSchwarzschild(d);
            default:
                throw new IllegalArgumentException("unknown metric '" + name + "' (expected ads or ads-schwarzschild)");
        }
    }

    private static void requireDimension(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension d must be at least 1, got " + d);
        }
    }
}
