package org.holo.train.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import org.holo.core.data.LabelledData;
import org.holo.train.Experiment;
import org.holo.train.random.SeedStreams;
import org.holo.train.MachineInfo;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;

/**
 * provenance.json: everything needed to redo a run and to tell two runs apart (Tribuo's ModelProvenance in
 * spirit): the resolved config, seeds, versions, machine, input file hashes, times and steps.
 */
public final class Provenance {

    public static final String FILE = "provenance.json";

    private Provenance() {
    }

    /** A version fixed at build time; see {@link MachineInfo#version}. */
    public static String version(String key) {
        return MachineInfo.version(key);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a file's bytes, read in pieces. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the training data as CSV text: the same data give the same hash on every machine. */
    public static String dataSha256(Experiment e) {
        return dataSha256(e.data());
    }

    /** The hash of {@link LabelledData#toCsv()}, computed piecewise without building the text. */
    public static String dataSha256(LabelledData data) {
        return DATA_HASHES.computeIfAbsent(data, Provenance::hashData);
    }

    // a run asks for the hash of its data several times (provenance, checkpoints): formatting millions of numbers
    // once is enough; LabelledData is immutable and compared by identity
    private static final Map<LabelledData, String> DATA_HASHES = Collections.synchronizedMap(new WeakHashMap<>());

    private static String hashData(LabelledData data) {
        MessageDigest digest = newSha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            data.writeCsv(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The provenance record at the start of a run (times and steps are filled in by {@link #finish}). */
    public static ObjectNode begin(Experiment e, String backend, String device, String dtype) throws IOException {
        ObjectNode o = begin(e.seeds(), backend, device, dtype, e.inputFiles(), e.data(), ConfigLoader.mapper().valueToTree(e.config()));
        if (e.config().data instanceof org.holo.train.config.DataConfig.FromMetric f
                && org.holo.train.config.DataConfig.FromMetric.BERNOULLI.equals(f.labels)) {
            // only a run that draws from it records it: provenance of every other run is unchanged
            ((ObjectNode) o.get("stream_seeds")).put(SeedStreams.LABELS, e.seeds().streamSeed(SeedStreams.LABELS));
        }
        return o;
    }

    /**
     * The provenance record at the start of any run: its seed streams, where it runs, its input files, the training
     * data it was built into and the resolved config.
     */
    public static ObjectNode begin(SeedStreams seeds, String backend, String device, String dtype, List<Path> inputFiles,
                                   LabelledData data, JsonNode config) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("holo_version", MachineInfo.holoVersion());
        String commit = gitCommit();
        if (commit == null) {
            o.putNull("git_commit");
        } else {
            o.put("git_commit", commit);
        }
        o.put("seed", seeds.seed());
        ObjectNode streams = o.putObject("stream_seeds");
        for (Map.Entry<String, Long> s : seeds.derived().entrySet()) {
            streams.put(s.getKey(), s.getValue());
        }
        o.put("backend", backend);
        o.put("device", device);
        o.put("dtype", dtype);
        ObjectNode v = o.putObject("versions");
        v.put("java", MachineInfo.java());
        v.put("java_vendor", MachineInfo.javaVendor());
        v.put("java_vm", MachineInfo.javaVm());
        v.put("djl_pinned", MachineInfo.pinnedDjl());
        v.put("pytorch_pinned", MachineInfo.pinnedPytorch());
        MachineInfo.putMachine(o);
        ArrayNode inputs = o.putArray("input_files");
        for (Path p : inputFiles) {
            ObjectNode f = inputs.addObject();
            f.put("path", p.toString());
            f.put("sha256", sha256(p));
            f.put("bytes", Files.size(p));
        }
        // the components of a plugin jar are part of what computed the run: reproduce needs the same jars
        if (!org.holo.core.component.Plugins.loaded().isEmpty()) {
            ArrayNode plugins = o.putArray("plugins");
            for (org.holo.core.component.Plugins.Jar j : org.holo.core.component.Plugins.loaded()) {
                plugins.addObject().put("path", j.path().toString()).put("sha256", j.sha256()).put("bytes", j.bytes());
            }
        }
        o.put("training_data_sha256", dataSha256(data));
        o.put("training_data_points", data.size());
        o.put("started_at", Instant.now().toString());
        o.set("config", config);
        return o;
    }

    public static void finish(ObjectNode o, RunResult r) {
        finish(o, r.steps(), r.epochs(), r.seconds());
    }

    /** Fills in when the run finished, its optimiser steps, epochs and training seconds. */
    public static void finish(ObjectNode o, long steps, int epochs, double seconds) {
        o.put("finished_at", Instant.now().toString());
        o.put("steps", steps);
        o.put("epochs", epochs);
        o.put("seconds", seconds);
    }

    public static void write(Path dir, ObjectNode o) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), ConfigLoader.mapper().writeValueAsString(o) + "\n");
    }

    /** Input files whose SHA-256 no longer matches the provenance record of {@code runDir}. */
    public static List<String> changedInputs(Path runDir) throws IOException {
        List<String> changed = new ArrayList<>();
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            changed.add("provenance.json is missing: input files cannot be checked");
            return changed;
        }
        JsonNode p = ConfigLoader.mapper().readTree(Files.readString(file));
        JsonNode inputs = p.get("input_files");
        if (inputs != null) {
            for (JsonNode f : inputs) {
                Path path = Path.of(f.get("path").asText());
                String want = f.get("sha256").asText();
                if (!Files.isRegularFile(path)) {
                    changed.add("input " + path + ": missing (recorded sha256 " + want + ")");
                } else {
                    String now = sha256(path);
                    if (!now.equals(want)) {
                        changed.add("input " + path + ": sha256 " + want + " -> " + now);
                    }
                }
            }
        }
        return changed;
    }

    /** The commit of the Holo checkout the code runs from, read from .git without running git; null if unknown. */
    static String gitCommit() {
        try {
            Path here = Paths.get(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = here; d != null; d = d.getParent()) {
                Path git = d.resolve(".git");
                if (Files.isDirectory(git)) {
                    String head = Files.readString(git.resolve("HEAD")).strip();
                    if (!head.startsWith("ref: ")) {
                        return head;
                    }
                    String ref = head.substring(5);
                    Path refFile = git.resolve(ref);
                    if (Files.isRegularFile(refFile)) {
                        return Files.readString(refFile).strip();
                    }
                    Path packed = git.resolve("packed-refs");
                    if (Files.isRegularFile(packed)) {
                        for (String line : Files.readAllLines(packed)) {
                            if (line.endsWith(" " + ref)) {
                                return line.substring(0, line.indexOf(' '));
                            }
                        }
                    }
                    return null;
                }
            }
        } catch (Exception e) {
            return null; // provenance says "unknown" rather than failing a run
        }
        return null;
    }
}
