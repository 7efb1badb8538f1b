package org.holo.train.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where the labelled training data come from, chosen by {@code source}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "source")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DataConfig.Band.class, name = "band"),
    @JsonSubTypes.Type(value = DataConfig.FromMetric.class, name = "metric"),
    @JsonSubTypes.Type(value = DataConfig.Csv.class, name = "csv")
})
public abstract class DataConfig {

    public static final String[] SOURCES = {"band", "metric", "csv"};

    /** physics.md §6.1: a band around a polynomial fit of a dataset of (m_q, ⟨q̄q⟩) points. */
    public static final class Band extends DataConfig {
        /** CSV with columns m_q_GeV,condensate_GeV3; relative paths are relative to the config file. */
        public String dataset = "../datasets/lattice-chiral-condensate.csv";
        public int fitDegree = 3;
        public double[] mqRange_GeV = {0.0, 0.022};
        public double[] condensateRange_GeV3 = {0.0, 0.11};
        /** Standard deviation of ξ: a point is positive when |σ − fit(m_q)| &lt; |ξ|. */
        public double noiseStd_GeV3 = 0.004;
        public int positives = 10000;
        public int negatives = 10000;
    }

    /** physics.md §6.2: raw (φ, π) labelled by the true network with a known metric. */
    public static final class FromMetric extends DataConfig {
        /** The metric read from {@link #table}. */
        public static final String TABLE = "table";
        public static final String THRESHOLD = "threshold";
        public static final String BERNOULLI = "bernoulli";

        /** ads or ads-schwarzschild (h = d or d coth dη), or table (h from {@link #table}). */
        public String metric = "ads-schwarzschild";
        /** CSV eta,h of the true metric when metric is table; relative to the config file. */
        public String table = "";
        /** threshold (|F| &lt; threshold is positive, classes filled to their counts) or bernoulli (y ~ Bernoulli(t(F))). */
        public String labels = THRESHOLD;
        public double[] phiRange = {0.0, 1.5};
        public double[] piRange = {-0.2, 0.2};
        /** A point is positive when |F| &lt; threshold. */
        public double threshold = 0.1;
        public int positives = 1000;
        public int negatives = 1000;
    }

    /** Labelled data made elsewhere (or by holo generate): the boundary map's input columns (e.g. m_q_GeV,condensate_GeV3 or phi,pi) and label. */
    public static final class Csv extends DataConfig {
        public String file = "";
    }
}
