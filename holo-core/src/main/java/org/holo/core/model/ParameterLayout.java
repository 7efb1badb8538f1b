package org.holo.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one flat parameter vector and its named views: the metric's per-layer weights {@code h} (h_0 … h_{N−1},
 * or the remainder r_i of c/η + r, followed by its block {@code c}), the AdS
 * radius {@code L} in GeV⁻¹ when the boundary map uses it, and the coupling {@code lambda}. The optimiser,
 * checkpoints and every backend see the same vector.
 */
public final class ParameterLayout {

    // the blocks of the built-in components, as they declare them
    public static final String METRIC = org.holo.core.metric.PerLayerMetric.WEIGHTS;
    public static final String RADIUS = org.holo.core.boundary.QcdBoundaryMap.RADIUS;
    public static final String LAMBDA = HolographicNetwork.LAMBDA;
    /** The coefficient c of the horizon-aware metric c/η + r (whose block h then holds the remainder r_i). */
    public static final String HORIZON = org.holo.core.metric.HorizonMetric.COEFFICIENT;

    /** A named, contiguous slice of the parameter vector. */
    public record Block(String name, int offset, int size, boolean trainable) {
    }

    private final List<Block> blocks;
    private final int size;

    private ParameterLayout(List<Block> blocks) {
        this.blocks = Collections.unmodifiableList(blocks);
        this.size = blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).offset() + blocks.get(blocks.size() - 1).size();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return size;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public boolean has(String name) {
        return blocks.stream().anyMatch(b -> b.name().equals(name));
    }

    public Block block(String name) {
        for (Block b : blocks) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no parameter block '" + name + "' in " + names());
    }

    /** Offset of a block, or −1 if there is none. */
    public int offsetOf(String name) {
        for (Block b : blocks) {
            if (b.name().equals(name)) {
                return b.offset();
            }
        }
        return -1;
    }

    /** The name of one entry: {@code h_3}, {@code L}, {@code lambda}. */
    public String nameOf(int index) {
        for (Block b : blocks) {
            if (index >= b.offset() && index < b.offset() + b.size()) {
                return b.size() == 1 ? b.name() : b.name() + "_" + (index - b.offset());
            }
        }
        throw new IndexOutOfBoundsException("parameter index " + index + " outside 0.." + (size - 1));
    }

    /** 1 for every trainable entry, 0 for fixed ones. */
    public boolean[] trainableMask() {
        boolean[] mask = new boolean[size];
        for (Block b : blocks) {
            for (int i = 0; i < b.size(); i++) {
                mask[b.offset() + i] = b.trainable();
            }
        }
        return mask;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Block b : blocks) {
            names.add(b.name());
        }
        return names;
    }

    /** Builds a layout block by block, in order. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private int next;

        public Builder add(String name, int size, boolean trainable) {
            blocks.add(new Block(name, next, size, trainable));
            next += size;
            return this;
        }

        public ParameterLayout build() {
            return new ParameterLayout(new ArrayList<>(blocks));
        }
    }
}
