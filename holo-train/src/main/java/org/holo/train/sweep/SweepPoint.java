package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One point of a study: its index, the value of every axis, and the overrides that make its config from the base
 * (the spec's fixed {@code set} first, then the axes), exactly as {@code holo train BASE --set ...} takes them.
 */
public record SweepPoint(int index, Map<String, JsonNode> axes, List<String> overrides) {

    /** "seed=3, smoothness=0.01": the point in words, for messages and tables. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        axes.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v.isTextual() ? v.asText() : v.toString()));
        return sb.toString();
    }
}
