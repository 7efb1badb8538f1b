package org.holo.train.config;

/** The network: bulk theory, radial grid, layer scheme, boundary and horizon maps, initial parameters. */
public final class ModelConfig {

    /** Boundary dimension d; the bulk is AdS_{d+1}. */
    public int dimension = 4;
    /** Scalar mass squared m² in units of 1/L². */
    public double massSquared = -3.0;
    public Grid grid = new Grid();
    /** Layer map: euler (the papers' scheme) or rk4. */
    public String scheme = "euler";
    public Boundary boundary = new Boundary();
    /** Horizon condition: pi (F = π, 1809.10536) or regular (F = (2/η)π − m²φ − λφ³, 1802.08313). */
    public String horizon = "pi";
    public Output output = new Output();
    public Lambda lambda = new Lambda();
    public MetricInit metricInit = new MetricInit();
    public MetricForm metric = new MetricForm();

    /** Radial grid: N layers from η_ini (boundary cutoff) down to η_fin (horizon cutoff), η in units of L. */
    public static final class Grid {
        public double etaIni = 1.0;
        public double etaFin = 1.0 / 15.0;
        public int layers = 15;
    }

    /** Input layer. */
    public static final class Boundary {
        /** qcd: (m_q GeV, ⟨q̄q⟩ GeV³) through physics.md §3; raw: (φ, π) at η_ini. */
        public String type = "qcd";
        /** N_c of the QCD input layer. */
        public int colours = 3;
        /** Initial AdS radius L in GeV⁻¹ (qcd only). */
        public double initialRadius_GeV_inv = 0.8;
        /** Whether L is trained (qcd only). */
        public boolean trainRadius = true;
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

    /** How the trained weights give h. */
    public static final class MetricForm {
        /**
         * per-layer: one weight h_i per layer (the papers); horizon: h = c/η + r with the per-layer remainder r_i
         * trained and the horizon's 1/η rise built in.
         */
        public String type = "per-layer";
        /** c of c/η + r (horizon only): 1 for any regular horizon, η being the proper distance. */
        public double horizonCoefficient = 1.0;
        /** Whether c is trained (horizon only). */
        public boolean trainHorizonCoefficient = false;
    }

    /**
     * Initial metric weights h_i. With the horizon-aware metric, normal and constant initialise the remainder r_i,
     * a named metric initialises h itself (r_i = h(η_i) − c/η_i).
     */
    public static final class MetricInit {
        /** normal: h_i ~ Normal(mean, std²) from the init stream; constant: h_i = mean; or a known metric: ads, ads-schwarzschild. */
        public String type = "normal";
        public double mean = 4.0;
        public double std = 3.0;
    }
}
