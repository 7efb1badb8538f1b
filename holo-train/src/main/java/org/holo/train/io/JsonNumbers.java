package org.holo.train.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Doubles into JSON, which has no NaN or infinity: a non-finite value is written as null. */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /** The shortest round-trip decimal of {@code v}, or null when it is not finite. */
    public static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** Appends every value, null for the non-finite ones. */
    public static void addAll(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }
}
