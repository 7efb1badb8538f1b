package org.holo.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.holo.core.data.NumericTable;
import org.holo.train.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.holo.train.config.DataConfig;
import org.holo.train.ensemble.EnsembleRun;
import org.holo.train.ensemble.MetricBand;
import org.holo.train.io.AtomicFiles;
import org.holo.train.run.FinishedRun;

/**
 * Exports and figures of a finished run directory (docs/exports-and-plots.md).
 *
 * <p>{@link #writeAll(Path)} is what {@code holo plot} runs and what {@code holo train} calls at the end: the CSV
 * export into RUN_DIR/export/, the PNG and SVG figures into RUN_DIR/plots/, and plot.gp / plot.py into RUN_DIR.
 * It takes about a second and does not fail on a diverged run: values that cannot be drawn are left out, a
 * figure that cannot be made is skipped, and each such thing is a line of {@link Summary#notes()} (also written
 * to RUN_DIR/plots/notes.txt). It throws only when RUN_DIR is not a readable run directory.
 *
 * <p>{@link #writeEnsemble(Path)} does the same for an ensemble directory, with the band ({@link MetricBand}) of h.
 */
public final class Reports {

    public static final String EXPORT_DIR = "export";
    public static final String PLOTS_DIR = "plots";
    public static final String NOTES = "notes.txt";

    private Reports() {
    }

    /** The files written and what could not be used. */
    public record Summary(List<Path> files, List<String> notes) {
    }

    /** Exports CSV, draws the figures and writes the scripts for the run in {@code runDir}. */
    public static Summary writeAll(Path runDir) throws IOException {
        FinishedRun run = FinishedRun.readLenient(runDir);
        return writeAll(RunReport.of(run), run, runDir);
    }

    /** Whether {@code dir} is an ensemble directory (holo ensemble --out): its summary and band files. */
    public static boolean isEnsemble(Path dir) {
        return Files.isRegularFile(dir.resolve(EnsembleRun.SUMMARY)) && Files.isRegularFile(dir.resolve(EnsembleRun.CSV));
    }

    /**
     * Exports and figures of an ensemble directory: the band of h over the converged members (from ensemble.csv)
     * drawn around the first converged member, whose run supplies the other panels (loss, traces, data plane).
     */
    public static Summary writeEnsemble(Path dir) throws IOException {
        JsonNode summary = ConfigLoader.mapper().readTree(Files.readString(dir.resolve(EnsembleRun.SUMMARY)));
        Path member = null;
        for (JsonNode r : summary.path("runs")) {
            if (r.path("converged").asBoolean()) {
                member = dir.resolve(r.path("directory").asText());
                break;
            }
        }
        if (member == null) {
            throw new IllegalArgumentException(dir + ": no member of the ensemble converged; there is no band to draw"
                    + " (plot a member directory instead)");
        }
        FinishedRun run = FinishedRun.readLenient(member);
        MetricBand band = readBand(dir.resolve(EnsembleRun.CSV), summary.path("converged").asInt());
        Summary s = writeAll(RunReport.of(run).withBand(band), run, dir);
        List<String> notes = new ArrayList<>(s.notes());
        notes.add(0, "single-run panels (loss, parameters, data plane) show member " + dir.relativize(member));
        return new Summary(s.files(), notes);
    }

    private static MetricBand readBand(Path csv, int members) throws IOException {
        NumericTable t;
        List<String> c = MetricBand.COLUMNS;
        String text = Files.readString(csv);
        boolean noStd = members < 2;
        if (noStd) {
            // one converged member: its spread is undefined and ensemble.csv says so with NaN in h_std (and only there)
            text = text.replaceAll("(?m)^(?<head>[^,\\n]*,[^,\\n]*,)NaN,", "${head}0,");
        }
        try (java.io.Reader r = new java.io.StringReader(text)) {
            t = NumericTable.read(r, csv.toString(), c);
        }
        double[] std = t.column(c.get(2));
        if (noStd) {
            java.util.Arrays.fill(std, Double.NaN);
        }
        return new MetricBand(t.column(c.get(0)), t.column(c.get(1)), std, t.column(c.get(3)),
                t.column(c.get(4)), t.column(c.get(5)), members);
    }

    /** As {@link #writeAll(Path)}, for a report built elsewhere (e.g. with an ensemble band). */
    public static Summary writeAll(RunReport report, FinishedRun run, Path runDir) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>(report.notes());
        try {
            files.addAll(Exporter.write(report, runDir.resolve(EXPORT_DIR), Exporter.Format.CSV));
        } catch (IOException | RuntimeException e) {
            notes.add("CSV export not written: " + e);
        }
        DataPlane plane = null;
        if (run != null && wantsDataPlane(run)) {
            try {
                plane = DataPlane.compute(run, notes);
            } catch (RuntimeException e) {
                notes.add("data plane not drawn: " + e);
            }
        }
        Path plots = runDir.resolve(PLOTS_DIR);
        Files.createDirectories(plots);
        files.addAll(Plots.writeAll(report, plane, plots, notes));
        try {
            files.addAll(Scripts.write(report, runDir));
        } catch (IOException | RuntimeException e) {
            notes.add("plot scripts not written: " + e);
        }
        Path notesFile = plots.resolve(NOTES);
        if (notes.isEmpty()) {
            Files.deleteIfExists(notesFile);
        } else {
            AtomicFiles.write(notesFile, String.join("\n", notes) + "\n");
            files.add(notesFile);
        }
        return new Summary(files, notes);
    }

    /** Writes the export of {@code runDir} in each format into {@code outDir} (RUN_DIR/export/ when null). */
    public static Summary export(Path runDir, Path outDir, Collection<Exporter.Format> formats) throws IOException {
        FinishedRun run = FinishedRun.readLenient(runDir);
        RunReport report = RunReport.of(run);
        Path dir = outDir != null ? outDir : runDir.resolve(EXPORT_DIR);
        List<Path> files = new ArrayList<>();
        for (Exporter.Format f : formats) {
            files.addAll(Exporter.write(report, dir, f));
        }
        return new Summary(files, report.notes());
    }

    /** The data-plane figure is drawn for sampled data: QCD band data and metric-labelled (φ, π) data. */
    static boolean wantsDataPlane(FinishedRun run) {
        return run.config().data instanceof DataConfig.Band || run.config().data instanceof DataConfig.FromMetric;
    }
}
