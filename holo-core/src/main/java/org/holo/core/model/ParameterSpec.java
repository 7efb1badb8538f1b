package org.holo.core.model;

import java.util.Set;

/**
 * A block of parameters that a component declares for itself (as a DJL block declares its weights): its name in
 * the parameter vector, result.json and checkpoints, its size, whether the optimiser trains it, how it starts, and
 * which regularisers act on it (names as in the training section, e.g. {@code smoothness}, {@code boundary}).
 * The network concatenates the blocks of its components in a fixed order.
 */
public record ParameterSpec(String name, int size, boolean trainable, Initialiser initialiser, Set<String> regularisedBy) {

    /** Fills a block's initial values, drawing from the run's init stream where it is random. */
    @FunctionalInterface
    public interface Initialiser {
        void initialise(double[] block, NormalDraws draws);
    }

    /** Normal draws from the run's seeded init stream. */
    @FunctionalInterface
    public interface NormalDraws {
        double gaussian(double mean, double std);
    }

    public ParameterSpec {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("parameter block name must be a plain identifier, got '" + name + "'");
        }
        if (size < 1) {
            throw new IllegalArgumentException("parameter block '" + name + "' must have at least one entry, got " + size);
        }
        regularisedBy = Set.copyOf(regularisedBy);
    }

    /** A block of one value that starts at {@code value}, with no regulariser. */
    public static ParameterSpec scalar(String name, boolean trainable, double value) {
        return new ParameterSpec(name, 1, trainable, (block, draws) -> block[0] = value, Set.of());
    }
}
