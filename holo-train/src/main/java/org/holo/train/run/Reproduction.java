package org.holo.train.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.modes.RunModes;
import org.holo.train.spectrum.SpectralConfig;
import org.holo.train.spectrum.SpectralConfigs;
import org.holo.train.spectrum.SpectralOutputs;
import org.holo.train.spectrum.SpectralRun;

/** Re-runs a run from its record and compares the two, field by field. */
public final class Reproduction {

    private Reproduction() {
    }

    /** Input files whose SHA-256 no longer matches the provenance record of {@code runDir}. */
    public static List<String> changedInputs(Path runDir) throws IOException {
        return Provenance.changedInputs(runDir);
    }

    /**
     * Trains again from {@code runDir}/config.json into {@code outDir}; returns the result of a holographic-network
     * run, null for a meson-spectrum run (its result is in outDir).
     */
    public static RunResult rerun(Path runDir, Path outDir) throws IOException {
        if (SpectralConfigs.isSpectral(runDir.resolve(RunDirectory.CONFIG))) {
            SpectralConfig spectral = SpectralConfigs.load(runDir.resolve(RunDirectory.CONFIG), List.of()).config();
            RunDirectory.requireFresh(outDir);
            SpectralRun.execute(spectral, outDir, null);
            return null;
        }
        ExperimentConfig config = ConfigLoader.load(runDir.resolve(RunDirectory.CONFIG), List.of()).config();
        RunDirectory.requireFresh(outDir);
        return TrainingRun.execute(config, runDir.toAbsolutePath(), outDir, null);
    }

    /**
     * Differences between two run directories: every result.json field (timing excepted) and the bytes of
     * metric.csv and metrics.jsonl, and of modes.json and modes.csv where both runs have them (of a meson-spectrum
     * run: metrics.jsonl, spectrum.csv, geometry.csv, ihqcd.csv). Empty when the runs are identical. Where {@code a} is an older run without
     * the sensitivity profile, those fields and metric.csv columns of {@code b} are not compared.
     */
    public static List<String> diff(Path a, Path b) throws IOException {
        List<String> diffs = new ArrayList<>();
        JsonNode ra = ConfigLoader.mapper().readTree(Files.readString(a.resolve(RunDirectory.RESULT)));
        JsonNode rb = ConfigLoader.mapper().readTree(Files.readString(b.resolve(RunDirectory.RESULT)));
        compare("result", ra, rb, diffs);
        for (String f : List.of(RunDirectory.METRIC, RunDirectory.METRICS, RunModes.JSON, RunModes.CSV,
                SpectralOutputs.SPECTRUM, SpectralOutputs.GEOMETRY, SpectralOutputs.IHQCD)) {
            if (RunModes.isModesFile(f) && !(Files.exists(a.resolve(f)) && Files.exists(b.resolve(f)))) {
                continue; // a run from before the metric modes, or a diverged run, has none
            }
            if (!Files.exists(a.resolve(f)) && !Files.exists(b.resolve(f))) {
                continue; // the tables of the other kind of run
            }
            String x = Files.readString(a.resolve(f));
            String y = Files.readString(b.resolve(f));
            if (f.equals(RunDirectory.METRIC)) {
                x = renamedHeader(x);
                y = leadingColumns(x, y);
            }
            if (!x.equals(y)) {
                diffs.add(f + ": contents differ" + firstDifferentLine(x, y));
            }
        }
        return diffs;
    }

    /** {@code csv} with the renamed columns of its header ({@link ResultFields#RENAMED}) under their new names. */
    static String renamedHeader(String csv) {
        int end = csv.indexOf('\n');
        String header = end < 0 ? csv : csv.substring(0, end);
        String[] cells = header.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = ResultFields.RENAMED.getOrDefault(cells[i], cells[i]);
        }
        return String.join(",", cells) + (end < 0 ? "" : csv.substring(end));
    }

    /**
     * {@code csv} cut to the columns of {@code reference} when those are its leading columns (an old metric.csv
     * with header eta,h against a new one with more columns); otherwise {@code csv} unchanged.
     */
    static String leadingColumns(String reference, String csv) {
        String refHeader = reference.lines().findFirst().orElse("");
        String header = csv.lines().findFirst().orElse("");
        if (refHeader.isEmpty() || refHeader.equals(header) || !header.startsWith(refHeader + ",")) {
            return csv;
        }
        int keep = refHeader.split(",", -1).length;
        StringBuilder sb = new StringBuilder();
        for (String line : csv.split("\n", -1)) {
            String[] cells = line.split(",", -1);
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(cells.length > keep ? String.join(",", java.util.Arrays.copyOf(cells, keep)) : line);
        }
        return sb.toString();
    }

    private static String firstDifferentLine(String x, String y) {
        String[] lx = x.split("\n", -1);
        String[] ly = y.split("\n", -1);
        for (int i = 0; i < Math.max(lx.length, ly.length); i++) {
            String p = i < lx.length ? lx[i] : "<none>";
            String q = i < ly.length ? ly[i] : "<none>";
            if (!p.equals(q)) {
                return " (first at line " + (i + 1) + ": " + p + " | " + q + ")";
            }
        }
        return "";
    }

    private static void compare(String path, JsonNode x, JsonNode y, List<String> diffs) {
        if (x.isObject() && y.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = x.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (path.equals("result") && ResultFields.TIMING.contains(key)) {
                    continue;
                }
                if (path.equals("result") && !y.has(key) && ResultFields.RENAMED.containsKey(key)) {
                    key = ResultFields.RENAMED.get(key); // an old run's field, compared under its new name
                }
                JsonNode other = y.get(key);
                if (other == null) {
                    diffs.add(path + "." + key + ": " + e.getValue() + " -> (absent)");
                } else if (!(path.equals("result") && ResultFields.DESCRIPTIVE.contains(key))) {
                    compare(path + "." + key, e.getValue(), other, diffs);
                }
            }
            Iterator<String> names = y.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                boolean skip = path.equals("result") && (ResultFields.TIMING.contains(n) || ResultFields.ADDED_LATER.contains(n));
                boolean renamedFrom = path.equals("result") && ResultFields.RENAMED.entrySet().stream()
                        .anyMatch(r -> r.getValue().equals(n) && x.has(r.getKey()));
                if (!x.has(n) && !skip && !renamedFrom) {
                    diffs.add(path + "." + n + ": (absent) -> " + y.get(n));
                }
            }
        } else if (x.isArray() && y.isArray() && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) {
                compare(path + "[" + i + "]", x.get(i), y.get(i), diffs);
            }
        } else if (!x.equals(y)) {
            diffs.add(path + ": " + x + " -> " + y);
        }
    }
}
