package org.holo.train.spectrum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigFormat;
import org.holo.train.config.ConfigLoader;

/** Reads a meson-spectrum config strictly, as {@link ConfigLoader} reads the others: every error names its field path. */
public final class SpectralConfigs {

    private SpectralConfigs() {
    }

    /** A loaded config and the directory its relative paths are relative to. */
    public record Loaded(SpectralConfig config, Path baseDir, Path file) {
    }

    /** Whether {@code file} is a meson-spectrum config ({@code "kind": "meson-spectrum"}). */
    public static boolean isSpectral(Path file) {
        return SpectralConfig.KIND.equals(ConfigLoader.kind(file));
    }

    public static Loaded load(Path file, List<String> overrides) {
        String name = file.toString();
        ObjectNode tree = ConfigLoader.readTree(file, overrides);
        SpectralConfig config;
        try {
            JsonNode data = tree.get("data");
            if (data != null) {
                JsonNode source = data.isObject() ? data.get("source") : null;
                if (source == null || !Arrays.asList(SpectralConfig.Data.SOURCES).contains(source.asText())) {
                    throw new ConfigException(name + ": data.source: " + (source == null ? "is missing" : "unknown value '"
                            + source.asText() + "'") + " (expected one of " + String.join(", ", SpectralConfig.Data.SOURCES) + ")");
                }
            }
            config = ConfigLoader.bind(tree, name, SpectralConfig.class);
            validate(config, name);
        } catch (ConfigException e) {
            throw ConfigLoader.fromOverride(e, name, overrides);
        }
        Path base = file.toAbsolutePath().getParent();
        if (config.data instanceof SpectralConfig.Data.Pdg p) {
            p.file = base.resolve(p.file).normalize().toString();
        }
        return new Loaded(config, base, file);
    }

    static void validate(SpectralConfig c, String name) {
        require(SpectralConfig.KIND.equals(c.kind), name, "kind", "must be " + SpectralConfig.KIND + " for this config, found " + c.kind);
        require(c.format == ConfigFormat.CURRENT, name, "format", "must be " + ConfigFormat.CURRENT + ", found " + c.format);
        SpectralConfig.Model m = c.model;
        require(m.zMax_GeV_inv > 0 && Double.isFinite(m.zMax_GeV_inv), name, "model.zMax_GeV_inv", "must be positive, found " + m.zMax_GeV_inv);
        require(m.points >= 10 && m.points <= 100_000, name, "model.points", "must lie in 10 … 100000, found " + m.points);
        profile(m.warp, name, "model.warp");
        profile(m.dilaton, name, "model.dilaton");
        if (c.data instanceof SpectralConfig.Data.Pdg p) {
            require(!p.file.isBlank(), name, "data.file", "is empty: name the meson table (CSV)");
            require(p.widthFraction >= 0 && Double.isFinite(p.widthFraction), name, "data.widthFraction", "must be 0 or more, found " + p.widthFraction);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < p.train.length; i++) {
                require(p.train[i] != null && !p.train[i].isBlank(), name, "data.train[" + i + "]", "is empty");
                require(seen.add(p.train[i]), name, "data.train[" + i + "]", "names " + p.train[i] + " twice");
            }
        } else if (c.data instanceof SpectralConfig.Data.SoftWall s) {
            require(s.kappa_GeV > 0 && Double.isFinite(s.kappa_GeV), name, "data.kappa_GeV", "must be positive, found " + s.kappa_GeV);
            require(s.spins.length > 0, name, "data.spins", "is empty");
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < s.spins.length; i++) {
                require(s.spins[i] == 1 || s.spins[i] == 2, name, "data.spins[" + i + "]", "must be 1 or 2, found " + s.spins[i]);
                require(seen.add(s.spins[i]), name, "data.spins[" + i + "]", "spin " + s.spins[i] + " twice");
            }
            require(s.levels >= 1, name, "data.levels", "must be at least 1, found " + s.levels);
            require(s.heldOutLevels >= 0, name, "data.heldOutLevels", "must be 0 or more, found " + s.heldOutLevels);
            require(s.levels + s.heldOutLevels <= 20, name, "data.heldOutLevels", "levels + heldOutLevels must be at most 20");
            require(s.relativeSigma > 0 && Double.isFinite(s.relativeSigma), name, "data.relativeSigma", "must be positive, found " + s.relativeSigma);
            // the exact masses have no wall; the model's wall must be where the highest level's ψ ~ e^{−κ²z²/2} has died
            // out (physics.md §9.2: κ z_max ≥ √(4(n+S)) + 2.5 keeps the wall's shift of m² below 10⁻⁴ κ²)
            int top = s.levels + s.heldOutLevels - 1 + Arrays.stream(s.spins).max().orElse(1);
            double wall = (Math.sqrt(4.0 * top) + 2.5) / s.kappa_GeV;
            require(m.zMax_GeV_inv >= wall, name, "model.zMax_GeV_inv", String.format(java.util.Locale.ROOT,
                    "%s GeV^-1 is too close for kappa = %s GeV and levels up to n+S = %d: the wall must lie at (sqrt(4(n+S)) + 2.5)/kappa"
                            + " = %.1f GeV^-1 or beyond", m.zMax_GeV_inv, s.kappa_GeV, top, wall));
        }
        SpectralConfig.Training t = c.training;
        require(t.epochs >= 0, name, "training.epochs", "must be 0 or more, found " + t.epochs);
        require(t.learningRate > 0 && Double.isFinite(t.learningRate), name, "training.learningRate", "must be positive, found " + t.learningRate);
        require(t.decayEpochs >= 0 && t.decayEpochs <= t.epochs, name, "training.decayEpochs", "must lie in 0 … training.epochs (" + t.epochs + "), found " + t.decayEpochs);
        require(t.finalLearningRate > 0 && Double.isFinite(t.finalLearningRate), name, "training.finalLearningRate", "must be positive, found " + t.finalLearningRate);
        require(t.beta1 >= 0 && t.beta1 < 1, name, "training.beta1", "must lie in [0, 1), found " + t.beta1);
        require(t.beta2 >= 0 && t.beta2 < 1, name, "training.beta2", "must lie in [0, 1), found " + t.beta2);
        require(t.adamEpsilon > 0, name, "training.adamEpsilon", "must be positive, found " + t.adamEpsilon);
        require(t.initStd >= 0 && Double.isFinite(t.initStd), name, "training.initStd", "must be 0 or more, found " + t.initStd);
        require(t.smoothness >= 0 && Double.isFinite(t.smoothness), name, "training.smoothness", "must be 0 or more, found " + t.smoothness);
        require(t.smoothnessOrder >= 1 && t.smoothnessOrder <= 4, name, "training.smoothnessOrder", "must lie in 1 … 4, found " + t.smoothnessOrder);
        require(t.convergedLoss > 0, name, "training.convergedLoss", "must be positive, found " + t.convergedLoss);
        require(t.checkpointEvery >= 0, name, "training.checkpointEvery", "must be 0 or more, found " + t.checkpointEvery);
    }

    private static void profile(SpectralConfig.Profile p, String name, String path) {
        require(p.lowestPower >= 1, name, path + ".lowestPower", "must be at least 1 (the profile vanishes at z = 0), found " + p.lowestPower);
        require(p.degree >= p.lowestPower && p.degree <= 12, name, path + ".degree", "must lie in lowestPower (" + p.lowestPower + ") … 12, found " + p.degree);
        int size = p.degree - p.lowestPower + 1;
        require(p.initial.length == 0 || p.initial.length == size, name, path + ".initial",
                "must hold " + size + " coefficients (powers " + p.lowestPower + " … " + p.degree + ") or none, found " + p.initial.length);
        for (int i = 0; i < p.initial.length; i++) {
            require(Double.isFinite(p.initial[i]), name, path + ".initial[" + i + "]", "must be finite");
        }
    }

    private static void require(boolean ok, String name, String field, String problem) {
        if (!ok) {
            throw new ConfigException(name + ": " + field + ": " + problem);
        }
    }

    /** The resolved config as pretty JSON (config.json of a run). */
    public static String toJson(SpectralConfig config) {
        try {
            return ConfigLoader.mapper().writeValueAsString(config) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise config", e);
        }
    }
}
