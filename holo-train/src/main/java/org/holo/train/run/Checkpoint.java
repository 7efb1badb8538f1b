package org.holo.train.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.config.ConfigException;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.loop.LoopPosition;

/**
 * checkpoint.json: the loop position (parameters, Adam moments, shuffle-stream state, partial sums), the
 * metrics lines so far and the hash of the training data it belongs to. Doubles are written in shortest
 * round-trip form, so a restored run continues bit for bit.
 *
 * <p>Format 2 stores what regenerates the epoch's permutation, the shuffle stream's state before the first epoch
 * ({@code shuffle_start}) and the number of shuffles done ({@code shuffles}), so its size does not grow with the
 * data; format 1, written before, stores the permutation itself ({@code order}) and is still read.
 */
public record Checkpoint(LoopPosition position, List<String> metrics, String dataSha256) {

    public static final String FILE = "checkpoint.json";
    private static final int FORMAT = 2;
    private static final int FORMAT_WITH_ORDER = 1;

    public void write(Path dir) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", position.order() == null ? FORMAT : FORMAT_WITH_ORDER);
        o.put("data_sha256", dataSha256);
        LoopPosition p = position;
        o.put("step", p.step());
        o.put("epoch", p.epoch());
        o.put("position", p.position());
        o.put("restarts", p.restarts());
        o.put("attempt_start", p.attemptStart());
        doubles(o.putArray("params"), p.params());
        doubles(o.putArray("optimizer"), p.optimizer());
        doubles(o.putArray("sums"), p.sums());
        ArrayNode rng = o.putArray("rng");
        for (long v : p.rng()) {
            rng.add(v);
        }
        // NaN before the first epoch ends: stored as its bits, JSON has no NaN
        ArrayNode epochLoss = o.putArray("epoch_loss_bits");
        for (double v : new double[] {p.epochLoss(), p.epochDataLoss(), p.epochRegularisation()}) {
            epochLoss.add(Double.doubleToRawLongBits(v));
        }
        o.put("points", p.points());
        if (p.order() == null) {
            ArrayNode start = o.putArray("shuffle_start");
            for (long v : p.shuffleStart()) {
                start.add(v);
            }
            o.put("shuffles", p.shuffles());
        } else {
            // a run resumed from a format-1 checkpoint has no record of its stream's start: it keeps the order
            ArrayNode order = o.putArray("order");
            for (int v : p.order()) {
                order.add(v);
            }
        }
        ArrayNode m = o.putArray("metrics");
        metrics.forEach(m::add);
        AtomicFiles.write(dir.resolve(FILE), ConfigLoader.mapper().writeValueAsString(o) + "\n");
    }

    /**
     * Refuses, in one line, a run directory that cannot be resumed: complete (result.json written), without a
     * checkpoint, or with an input file changed since the run started.
     */
    public static void requireResumable(Path runDir) throws IOException {
        if (Files.exists(runDir.resolve(RunDirectory.RESULT))) {
            throw new IllegalArgumentException(runDir + ": the run is complete (result.json exists); nothing to resume");
        }
        if (!exists(runDir)) {
            throw new IllegalArgumentException(runDir + ": no checkpoint.json to resume from");
        }
        List<String> changed = Provenance.changedInputs(runDir);
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException(runDir + ": cannot resume, an input file changed since the run started: "
                    + String.join("; ", changed));
        }
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static Checkpoint read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        JsonNode o;
        try {
            o = ConfigLoader.mapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(file + ": not a valid checkpoint: " + e.getOriginalMessage());
        }
        int format = o == null || !o.has("format") ? 0 : o.get("format").asInt();
        if (format != FORMAT && format != FORMAT_WITH_ORDER) {
            throw new ConfigException(file + ": not a checkpoint of format " + FORMAT_WITH_ORDER + " or " + FORMAT);
        }
        try {
            long[] rng = longs(o.get("rng"));
            long[] el = longs(o.get("epoch_loss_bits"));
            int[] order = null;
            long[] shuffleStart = null;
            long shuffles = 0;
            int points;
            if (format == FORMAT_WITH_ORDER) {
                order = new int[o.get("order").size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = o.get("order").get(i).asInt();
                }
                points = order.length;
            } else {
                shuffleStart = longs(o.get("shuffle_start"));
                shuffles = o.get("shuffles").asLong();
                points = o.get("points").asInt();
                if (shuffleStart.length != rng.length || shuffles < 0 || points < 0) {
                    throw new ConfigException(file + ": damaged checkpoint (shuffle_start, shuffles or points)");
                }
            }
            LoopPosition p = new LoopPosition(o.get("step").asLong(), o.get("epoch").asInt(), o.get("position").asInt(),
                    points, order, shuffleStart, shuffles, doubles(o.get("sums")), doubles(o.get("params")), doubles(o.get("optimizer")), rng,
                    Double.longBitsToDouble(el[0]), Double.longBitsToDouble(el[1]), Double.longBitsToDouble(el[2]),
                    o.path("restarts").asInt(0), o.path("attempt_start").asInt(1));
            List<String> metrics = new ArrayList<>();
            o.get("metrics").forEach(n -> metrics.add(n.asText()));
            return new Checkpoint(p, metrics, o.get("data_sha256").asText());
        } catch (NullPointerException e) {
            throw new ConfigException(file + ": incomplete checkpoint (a field is missing)");
        }
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double d : v) {
            a.add(d);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static long[] longs(JsonNode a) {
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asLong();
        }
        return v;
    }
}
