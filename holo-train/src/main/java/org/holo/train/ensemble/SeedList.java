package org.holo.train.ensemble;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The seeds of an ensemble as written on the command line: {@code 1..10}, {@code 3,5,8}, or both {@code 1..4,9}. */
public final class SeedList {

    /** More members than this is almost certainly a typo (and would not fit in memory as run directories). */
    public static final int MAX = 100_000;

    private SeedList() {
    }

    public static List<Long> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("seeds: expected seeds such as 1..10 or 1,2,5");
        }
        List<Long> seeds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("seeds " + spec + ": empty item (expected e.g. 1..10 or 1,2,5)");
            }
            int dots = item.indexOf("..", 1);
            long from;
            long to;
            if (dots > 0) {
                from = number(spec, item.substring(0, dots));
                to = number(spec, item.substring(dots + 2));
                if (to < from) {
                    throw new IllegalArgumentException("seeds " + spec + ": the range " + item + " is empty (" + to + " < " + from + ")");
                }
            } else {
                from = number(spec, item);
                to = from;
            }
            if (to - from >= MAX || seeds.size() + (to - from + 1) > MAX) {
                throw new IllegalArgumentException("seeds " + spec + ": more than " + MAX + " seeds");
            }
            for (long s = from; ; s++) {
                if (!seen.add(s)) {
                    throw new IllegalArgumentException("seeds " + spec + ": seed " + s + " appears twice");
                }
                seeds.add(s);
                if (s == to) {
                    break;
                }
            }
        }
        return seeds;
    }

    private static long number(String spec, String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seeds " + spec + ": '" + s.strip() + "' is not an integer seed"
                    + " (expected e.g. 1..10 or 1,2,5)");
        }
    }
}
