package org.holo.core.observable;

import java.util.Locale;

/**
 * The exact metrics of physics.md §1 with f and g known separately (no split needed), L = 1:
 * <ul>
 *   <li>pure AdS_{d+1}: f = g = e^{2η}; no horizon, the straight strings end at the Poincaré horizon η → −∞;</li>
 *   <li>AdS_{d+1}-Schwarzschild, horizon at η = 0: r^{d/2} = cosh(dη/2), f = r²(1 − r^{−d}) = r² tanh²(dη/2),
 *       g = r². Near the horizon f ≈ (d/2)² η² and f/g → 1 at the boundary, so T = (d/2)/(2π) = d/(4π)
 *       (= d r_h/(4π) with r_h = 1).</li>
 * </ul>
 * Both are integrated numerically everywhere ({@link #adsFrom()} = ∞): they are the checks of the quadrature.
 */
public final class ExactGeometries {

    private static final double LN2 = StrictMath.log(2.0);

    private ExactGeometries() {
    }

    /** Pure AdS_{d+1}. */
    public static StringGeometry ads(int d) {
        requireDimension(d);
        return new Exact(d, "ads") {
            @Override
            public double logF(double eta) {
                return 2.0 * eta;
            }

            @Override
            public double logGx(double eta) {
                return 2.0 * eta;
            }

            @Override
            public double dLogG(double eta) {
                return 4.0;
            }

            @Override
            public double irEnd() {
                return Double.NEGATIVE_INFINITY;
            }

            @Override
            public double temperature() {
                return Double.NaN;
            }

            @Override
            public String description() {
                return "pure AdS_" + (d + 1) + ": f = g = exp(2 eta), exact; straight strings end at the Poincare horizon";
            }
        };
    }

    /** AdS_{d+1}-Schwarzschild with the horizon at η = 0 (r_h = 1). */
    public static StringGeometry adsSchwarzschild(int d) {
        requireDimension(d);
        return new Exact(d, "ads-schwarzschild") {
            @Override
            public double logF(double eta) {
                return logGx(eta) + 2.0 * StrictMath.log(StrictMath.tanh(0.5 * d * eta));
            }

            @Override
            public double logGx(double eta) {
                return (4.0 / d) * logCosh(0.5 * d * eta);
            }

            @Override
            public double dLogG(double eta) {
                return 4.0 * StrictMath.tanh(0.5 * d * eta) + 2.0 * d / StrictMath.sinh(d * eta);
            }

            @Override
            public double irEnd() {
                return 0.0;
            }

            @Override
            public double temperature() {
                return d / (4.0 * StrictMath.PI);
            }

            @Override
            public String description() {
                return "AdS_" + (d + 1) + "-Schwarzschild: r^(d/2) = cosh(d eta/2), f = r^2 (1 - r^-d), g = r^2, exact;"
                        + " horizon at eta = 0, T = d/(4 pi)";
            }
        };
    }

    /**
     * A metric by specification {@code NAME[:d=N]}, NAME = {@code ads} or {@code ads-schwarzschild}; d defaults to 4.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static StringGeometry parse(String spec) {
        String s = spec.strip();
        String name = s;
        int d = 4;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            name = s.substring(0, colon).strip();
            String rest = s.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (!rest.startsWith("d=")) {
                throw new IllegalArgumentException("metric '" + spec + "': expected NAME or NAME:d=N, e.g. ads-schwarzschild:d=4");
            }
            try {
                d = Integer.parseInt(rest.substring(2).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("metric '" + spec + "': d must be an integer, e.g. ads:d=4");
            }
            if (d < 2) {
                throw new IllegalArgumentException("metric '" + spec + "': d must be at least 2, got " + d);
            }
        }
        switch (name) {
            case "ads":
                return ads(d);
            case "ads-schwarzschild":
                return adsSchwarzschild(d);
            default:
                throw new IllegalArgumentException("metric '" + spec + "': unknown name '" + name
                        + "' (expected ads or ads-schwarzschild, e.g. ads-schwarzschild:d=4)");
        }
    }

    /** log cosh x without overflow. */
    static double logCosh(double x) {
        double a = Math.abs(x);
        return a + StrictMath.log1p(StrictMath.exp(-2.0 * a)) - LN2;
    }

    private static void requireDimension(int d) {
        if (d < 2) {
            throw new IllegalArgumentException("dimension d must be at least 2 for a string potential, got " + d);
        }
    }

    private abstract static class Exact implements StringGeometry {
        private final int d;
        private final String name;

        Exact(int d, String name) {
            this.d = d;
            this.name = name;
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String split() {
            return "exact";
        }

        @Override
        public double tipFloor() {
            return irEnd();
        }

        @Override
        public double[] breakpoints() {
            return new double[0];
        }

        @Override
        public double adsFrom() {
            return Double.POSITIVE_INFINITY;
        }
    }
}
