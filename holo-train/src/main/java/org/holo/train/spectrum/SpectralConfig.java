package org.holo.train.spectrum;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.holo.train.config.ConfigFormat;

/**
 * A meson-spectrum experiment (physics.md §9), selected by {@code "kind": "meson-spectrum"} at the top of a config:
 * the warp factor and dilaton learned from the masses of the spin-1 and spin-2 towers. Every field has a default;
 * see docs/config.md. z in GeV⁻¹, masses in GeV.
 */
public final class SpectralConfig {

    public static final String KIND = "meson-spectrum";

    public int format = ConfigFormat.CURRENT;
    public String kind = KIND;
    public String name = "mesons";
    public String description = "";
    public Model model = new Model();
    public Data data = new Data.Pdg();
    public Training training = new Training();

    public static final class Model {
        /** The Dirichlet wall; far enough that the levels used do not feel it (physics.md §9.2). */
        public double zMax_GeV_inv = 15.0;
        /** Interior grid points N (h = z_max/(N+1)). */
        public int points = 400;
        /** a(z) in A = −log z + a(z). */
        public Profile warp = new Profile();
        /** Φ(z). */
        public Profile dilaton = new Profile();
    }

    /** f(z) = Σ_{p=lowestPower}^{degree} c_p (z/z_max)^p. */
    public static final class Profile {
        /** 2: corrections to AdS start at z², as the soft wall's Φ = κ²z² does; 1 admits a linear term. */
        public int lowestPower = 2;
        public int degree = 4;
        /** Starting coefficients c_lowestPower … c_degree; empty for all zero. Seeded noise of training.initStd is added. */
        public double[] initial = {};
    }

    /** Where the masses come from, chosen by {@code source}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "source")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Data.Pdg.class, name = "pdg"),
        @JsonSubTypes.Type(value = Data.SoftWall.class, name = "soft-wall")
    })
    public abstract static class Data {

        public static final String[] SOURCES = {"pdg", "soft-wall"};

        /** A meson table (datasets/pdg-light-mesons.csv); states not named in {@code train} are held out and predicted. */
        public static final class Pdg extends Data {
            public String file = "../datasets/pdg-light-mesons.csv";
            /** The states trained on, by name; empty for all. */
            public String[] train = {};
            /** The loss divides by max(σ, widthFraction·Γ): the floor for broad states (physics.md §9.5). */
            public double widthFraction = 0.1;
        }

        /** The exact soft wall m²_{n,S} = 4κ²(n+S): the closure test. */
        public static final class SoftWall extends Data {
            public double kappa_GeV = 0.5;
            public int[] spins = {1, 2};
            /** Levels n = 0 … levels−1 of each spin are trained on. */
            public int levels = 4;
            /** The next levels n = levels … levels+heldOutLevels−1 are held out and predicted. */
            public int heldOutLevels = 1;
            /** σ = relativeSigma · m of every synthetic mass. */
            public double relativeSigma = 0.01;
        }
    }

    public static final class Training {
        public long seed = 1;
        /** Full-batch Adam steps (one per epoch: all training states in one batch). */
        public int epochs = 6000;
        public double learningRate = 1.0;
        /** The last decayEpochs epochs lower the learning rate as a half cosine to finalLearningRate. */
        public int decayEpochs = 3000;
        public double finalLearningRate = 0.001;
        public double beta1 = 0.9;
        public double beta2 = 0.999;
        public double adamEpsilon = 1e-8;
        /** Standard deviation of the seeded noise added to the starting coefficients. */
        public double initStd = 0.1;
        /** Weight of ∫₀¹ (d^q f/du^q)² du for f = a and f = Φ (u = z/z_max). */
        public double smoothness = 1e-5;
        /** The derivative order q of the smoothness penalty: 3 leaves a quadratic profile (the soft wall) free. */
        public int smoothnessOrder = 3;
        /** The run converged when its final χ²/N is below this. */
        public double convergedLoss = 1.0;
        /** Write checkpoint.json every this many steps (0: only at the end). */
        public long checkpointEvery = 1000;
    }
}
