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
     * metric.csv and metrics.jsonl (of a meson-spectrum run: metrics.jsonl, spectrum.csv, geometry.csv, ihqcd.csv). Empty when the runs are identical. Where {@code a} is an older run without
     * the sensitivity profile, those fields and metric.csv columns of {@code b} are not compared.
     */
    public static List<String> diff(Path a, Path b) throws IOException {
        List<String> diffs = new ArrayList<>();
        JsonNode ra = ConfigLoader.mapper().readTree(Files.readString(a.resolve(RunDirectory.RESULT)));
        JsonNode rb = ConfigLoader.mapper().readTree(Files.readString(b.resolve(RunDirectory.RESULT)));
        compare("result", ra, rb, diffs);
        for (String f : List.of(RunDirectory.METRIC, RunDirectory.METRICS, SpectralOutputs.SPECTRUM, SpectralOutputs.GEOMETRY,
                SpectralOutputs.IHQCD)) {
            if (!Files.exists(a.resolve(f)) && !Files.exists(b.resolve(f))) {
                continue; // the tables of the other kind of run
            }
            String x = Files.readString(a.resolve(f));
            String y = Files.readString(b.resolve(f));
            if (f.equals(RunDirectory.METRIC)) {
                y = leadingColumns(x, y);
            }
            if (!x.equals(y)) {
                diffs.add(f + ": contents differ" + firstDifferentLine(x, y));
            }
        }
        return diffs;
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
                if (path.equals("result") && ResultFields.TIMING.contains(e.getKey())) {
                    continue;
                }
                JsonNode other = y.get(e.getKey());
                if (other == null) {
                    diffs.add(path + "." + e.getKey() + ": " + e.getValue() + " -> (absent)");
                } else {
                    compare(path + "." + e.getKey(), e.getValue(), other, diffs);
                }
            }
            Iterator<String> names = y.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                boolean skip = path.equals("result") && (ResultFields.TIMING.contains(n) || ResultFields.ADDED_LATER.contains(n));
                if (!x.has(n) && !skip) {
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
