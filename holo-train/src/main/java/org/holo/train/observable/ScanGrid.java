package org.holo.train.observable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.holo.core.observable.CondensateCurve;

/** An evenly spaced scan FROM:TO in STEPS steps (STEPS + 1 values), as an observable's option or record. */
public record ScanGrid(double from, double to, int steps) {

    public static final int MAX_STEPS = 1_000_000;

    public ScanGrid {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from) || steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("a scan grid needs finite FROM < TO and 1 <= STEPS <= " + MAX_STEPS
                    + ", got " + from + ":" + to + ":" + steps);
        }
    }

    /** FROM:TO:STEPS; {@code label} (an option or field name) starts the error message. */
    public static ScanGrid parse(String label, String spec) {
        String[] parts = spec.split(":", -1);
        String usage = label + " '" + spec + "': expected FROM:TO:STEPS with FROM < TO and STEPS >= 1, e.g. 0:0.022:110";
        if (parts.length != 3) {
            throw new IllegalArgumentException(usage);
        }
        double a;
        double b;
        int n;
        try {
            a = Double.parseDouble(parts[0].strip());
            b = Double.parseDouble(parts[1].strip());
            n = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b) || !(b > a) || n < 1 || n > MAX_STEPS) {
            throw new IllegalArgumentException(usage);
        }
        return new ScanGrid(a, b, n);
    }

    public double[] values() {
        return CondensateCurve.grid(from, to, steps);
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("from", from);
        o.put("to", to);
        o.put("steps", steps);
        return o;
    }
}
