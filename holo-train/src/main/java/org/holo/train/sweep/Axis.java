package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.holo.train.config.ConfigException;

/**
 * One named axis of a sweep: a dotted config path and the values it takes. Values are written as a JSON list,
 * as an integer range {@code "1..K"} (seeds), or as {@code {"from", "to", "step"}} / {@code {"from", "to", "count",
 * "scale": "linear"|"log"}}.
 */
public record Axis(String name, String path, List<JsonNode> values) {

    /** More points than this in one axis is almost certainly a typo. */
    static final int MAX_VALUES = 100_000;

    /** Parses {@code node}, the axis at {@code where} (e.g. "spec.json: axes[1]") of a spec. */
    static Axis parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ConfigException(where + ": an axis is an object {\"name\", \"path\", \"values\"}");
        }
        onlyFields(node, where, Set.of("name", "path", "values"));
        String name = text(node, "name", where);
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new ConfigException(where + ".name: '" + name + "' must be a word of letters, digits, _ or - (it names a column)");
        }
        String path = text(node, "path", where);
        if (!path.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new ConfigException(where + ".path: '" + path + "' is not a dotted config path such as training.seed");
        }
        JsonNode v = node.get("values");
        if (v == null) {
            throw new ConfigException(where + ".values: missing (a list, \"1..K\" or {\"from\", \"to\", \"step\"|\"count\"})");
        }
        List<JsonNode> values = values(v, where + ".values");
        if (values.isEmpty()) {
            throw new ConfigException(where + ".values: no values");
        }
        return new Axis(name, path, List.copyOf(values));
    }

    private static List<JsonNode> values(JsonNode v, String where) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
            if (out.size() > MAX_VALUES) {
                throw new ConfigException(where + ": more than " + MAX_VALUES + " values");
            }
            return out;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            int dots = s.indexOf("..", 1);
            if (dots < 0) {
                throw new ConfigException(where + ": '" + s + "' is not a range such as 1..10");
            }
            long from = integer(s.substring(0, dots), where, s);
            long to = integer(s.substring(dots + 2), where, s);
            if (to < from) {
                throw new ConfigException(where + ": the range " + s + " is empty");
            }
            if (to - from >= MAX_VALUES) {
                throw new ConfigException(where + ": " + s + " has more than " + MAX_VALUES + " values");
            }
            for (long i = from; i <= to; i++) {
                out.add(LongNode.valueOf(i));
            }
            return out;
        }
        if (v.isObject()) {
            return range(v, where);
        }
        throw new ConfigException(where + ": expected a list, \"1..K\" or {\"from\", \"to\", \"step\"|\"count\"}, found " + v);
    }

    private static List<JsonNode> range(JsonNode v, String where) {
        onlyFields(v, where, Set.of("from", "to", "step", "count", "scale"));
        JsonNode from = number(v, "from", where);
        JsonNode to = number(v, "to", where);
        boolean hasStep = v.has("step");
        boolean hasCount = v.has("count");
        if (hasStep == hasCount) {
            throw new ConfigException(where + ": give either step or count");
        }
        String scale = v.has("scale") ? v.get("scale").asText() : "linear";
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw new ConfigException(where + ".scale: expected linear or log, found " + v.get("scale"));
        }
        List<JsonNode> out = new ArrayList<>();
        if (hasStep) {
            if (scale.equals("log")) {
                throw new ConfigException(where + ": a log scale takes count, not step");
            }
            JsonNode step = number(v, "step", where);
            if (from.isIntegralNumber() && to.isIntegralNumber() && step.isIntegralNumber()) {
                long a = from.asLong();
                long b = to.asLong();
                long d = step.asLong();
                if (d <= 0 || b < a) {
                    throw new ConfigException(where + ": needs from <= to and step > 0");
                }
                if ((b - a) / d >= MAX_VALUES) {
                    throw new ConfigException(where + ": more than " + MAX_VALUES + " values");
                }
                for (long x = a; x <= b; x += d) {
                    out.add(LongNode.valueOf(x));
                }
                return out;
            }
            // decimal steps in exact arithmetic, so 0.1 + 0.1 + 0.1 is written 0.3
            BigDecimal a = from.decimalValue();
            BigDecimal b = to.decimalValue();
            BigDecimal d = step.decimalValue();
            if (d.signum() <= 0 || b.compareTo(a) < 0) {
                throw new ConfigException(where + ": needs from <= to and step > 0");
            }
            for (BigDecimal x = a; x.compareTo(b) <= 0; x = x.add(d)) {
                out.add(DoubleNode.valueOf(x.doubleValue()));
                if (out.size() > MAX_VALUES) {
                    throw new ConfigException(where + ": more than " + MAX_VALUES + " values");
                }
            }
            return out;
        }
        JsonNode c = v.get("count");
        if (!c.isIntegralNumber() || c.asLong() < 1 || c.asLong() > MAX_VALUES) {
            throw new ConfigException(where + ".count: expected an integer from 1 to " + MAX_VALUES + ", found " + c);
        }
        int n = c.asInt();
        double a = from.asDouble();
        double b = to.asDouble();
        if (scale.equals("log") && (a <= 0 || b <= 0)) {
            throw new ConfigException(where + ": a log scale needs from > 0 and to > 0");
        }
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : (double) i / (n - 1);
            double x = scale.equals("log") ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
            if (i == n - 1 && n > 1) {
                x = b; // the end point exactly, not a rounded neighbour
            }
            out.add(DoubleNode.valueOf(x));
        }
        return out;
    }

    static void onlyFields(JsonNode node, String where, Set<String> allowed) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new ConfigException(where + "." + f + ": unknown field (expected one of " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode n = node.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ConfigException(where + "." + field + ": expected a non-empty string" + (n == null ? "" : ", found " + n));
        }
        return n.asText().strip();
    }

    private static JsonNode number(JsonNode node, String field, String where) {
        JsonNode n = node.get(field);
        if (n == null || !n.isNumber()) {
            throw new ConfigException(where + "." + field + ": expected a number" + (n == null ? "" : ", found " + n));
        }
        return n;
    }

    private static long integer(String s, String where, String whole) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ": '" + whole + "' is not a range of integers such as 1..10");
        }
    }
}
