package org.holo.train.random;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run seed split into independent named streams (data, init, shuffle): each stream's seed is a hash of
 * the run seed and the stream's name, so adding a stream never shifts the numbers of another.
 */
public final class SeedStreams {

    public static final String DATA = "data";
    public static final String INIT = "init";
    public static final String SHUFFLE = "shuffle";
    /** The uniforms of the Bernoulli label model (data.labels bernoulli). */
    public static final String LABELS = "labels";

    private final long seed;

    public SeedStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public long streamSeed(String name) {
        long h = Rng.mix(seed ^ 0x5851f42d4c957f2dL);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = Rng.mix(h ^ (b & 0xff));
        }
        return h;
    }

    public Rng stream(String name) {
        return new Rng(streamSeed(name));
    }

    /** The derived seeds of the standard streams, for provenance. */
    public Map<String, Long> derived() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String s : new String[] {DATA, INIT, SHUFFLE}) {
            m.put(s, streamSeed(s));
        }
        return m;
    }
}
