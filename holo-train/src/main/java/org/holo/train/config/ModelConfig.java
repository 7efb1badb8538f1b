package org.holo.train.config;

/** The network: bulk theory, radial grid, layer scheme, boundary and horizon maps, initial parameters. */
public final class ModelConfig {

    /** Boundary dimension d; the bulk is AdS_{d+1}. */
    public int dimension = 4;
    /** Scalar mass squared m² in units of 1/L². */
    public double massSquared = -3.0;
    public Grid grid = new Grid();
    /** Layer scheme (a registered name, see holo components): euler (the papers' scheme) or rk4. */
    public ComponentSection scheme = ComponentSection.named("euler");
    /** Input layer: type qcd ((m_q GeV, ⟨q̄q⟩ GeV³) through physics.md §3; reads colours, initialRadius_GeV_inv, trainRadius) or raw ((φ, π)). */
    public ComponentSection boundary = ComponentSection.object("qcd");
    /** Horizon condition: pi (F = π, 1809.10536) or regular (F = (2/η)π − m²φ − λφ³, 1802.08313). */
    public ComponentSection horizon = ComponentSection.named("pi");
    public Output output = new Output();
    public Lambda lambda = new Lambda();
    public MetricInit metricInit = new MetricInit();
    /**
     * How the trained weights give h: type per-layer (one weight h_i per layer, the papers) or horizon
     * (h = c/η + r; reads horizonCoefficient, default 1, and trainHorizonCoefficient, default false).
     */
    public ComponentSection metric = ComponentSection.object("per-layer");

    /** Radial grid: N layers from η_ini (boundary cutoff) down to η_fin (horizon cutoff), η in units of L. */
    public static final class Grid {
        public double etaIni = 1.0;
        public double etaFin = 1.0 / 15.0;
        public int layers = 15;
    }

    /** Output bump t(F): ≈ 0 for |F| &lt; epsilon, smoothed over delta. */
    public static final class Output {
        public double epsilon = 0.1;
        public double delta = 0.01;
    }

    /** Quartic coupling λ of V = λφ⁴/4. */
    public static final class Lambda {
        public double initial = 0.2;
        public boolean trainable = true;
    }

    /**
     * Initial metric weights h_i. With the horizon-aware metric, normal and constant initialise the remainder r_i,
     * a named metric initialises h itself (r_i = h(η_i) − c/η_i).
     */
    public static final class MetricInit {
        /**
         * normal: h_i ~ Normal(mean, std²) from the init stream; constant: h_i = mean; a known metric: ads,
         * ads-schwarzschild; table: h from the CSV {@link #file}; run: h learned by the run directory {@link #file}.
         */
        public String type = "normal";
        /** The CSV table (eta,h) or run directory of a table or run start; relative to the config file. */
        public String file = "";
        public double mean = 4.0;
        public double std = 3.0;
    }
}
