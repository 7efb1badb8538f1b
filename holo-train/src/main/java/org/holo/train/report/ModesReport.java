package org.holo.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holo.train.config.ConfigLoader;
import org.holo.train.modes.RunModes;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The metric modes of a run (modes.json, docs/physics.md §5.5) as export tables and figures: {@code modes} (η and
 * the h part of every mode) and {@code spectrum} (the eigenvalues of G and the generalised eigenvalues μ against the
 * regularisers), drawn as the spectrum on a log scale and the leading modes against η.
 */
final class ModesReport {

    static final String MODES = "modes";
    static final String SPECTRUM = "spectrum";
    /** How many leading modes the figure draws. */
    static final int DRAWN = 4;

    private static final Color[] COLOURS = {Plots.LEARNED, Plots.DATA_LOSS, Plots.REG, Plots.LAMBDA};

    private ModesReport() {
    }

    /** The two tables of {@code runDir}/modes.json, or none (with a note) when the run has no modes. */
    static List<Table> tables(Path runDir, List<String> notes) {
        Path file = runDir.resolve(RunModes.JSON);
        if (!Files.isRegularFile(file)) {
            notes.add("no " + RunModes.JSON + " (a run from before the metric modes, or a diverged run): `holo modes "
                    + runDir + "` writes it");
            return List.of();
        }
        try {
            JsonNode m = ConfigLoader.mapper().readTree(Files.readString(file));
            double[] eta = numbers(m.get("eta"), Double.NaN);
            JsonNode modes = m.get("modes");
            List<Column> mc = new ArrayList<>();
            mc.add(new Column("eta", "radial coordinate eta_i of layer i", RunReport.ETA_UNIT, eta));
            for (int k = 0; k < modes.size(); k++) {
                mc.add(new Column("mode_" + (k + 1), String.format(Locale.ROOT, "h part of metric mode %d (eigenvector of the"
                        + " Gauss-Newton matrix G, eigenvalue %s; unit length over all coordinates)", k + 1,
                        modes.get(k).get("eigenvalue")), "1", numbers(modes.get(k).get("h"), Double.NaN)));
            }
            double[] g = numbers(m.get("gauss_newton_eigenvalues"), Double.NaN);
            double[] mu = numbers(m.get("generalised_eigenvalues"), Double.POSITIVE_INFINITY);
            double[] index = new double[g.length];
            for (int k = 0; k < g.length; k++) {
                index[k] = k + 1;
            }
            String counts = String.format(Locale.ROOT, "determined %d, effective parameters %s, data rank %d, of %d"
                    + " coordinates", m.path("determined").asInt(), m.path("effective_parameters").asText(),
                    m.path("data_rank").asInt(), g.length);
            Table spectrum = new Table(SPECTRUM, "the spectrum of the metric modes (" + counts + "); rows largest first",
                    List.of(new Column("k", "rank of the eigenvalue, 1 = largest", "1", index),
                            new Column("gauss_newton_eigenvalue", "eigenvalue of G = (1/n) sum_b J_b^T J_b", "1", g),
                            new Column("generalised_eigenvalue", "mu of A v = mu B v (A = 2G data curvature, B the"
                                    + " regularisers'); Infinity where the regularisers are flat and the data are not;"
                                    + " the data determine a direction where mu > 1", "1", mu)));
            return List.of(new Table(MODES, "the metric modes as functions of eta, largest eigenvalue first (" + counts
                    + ")", mc), spectrum);
        } catch (IOException | RuntimeException e) {
            notes.add(RunModes.JSON + " not read: " + e.getMessage());
            return List.of();
        }
    }

    private static double[] numbers(JsonNode a, double forNull) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isNumber() ? a.get(i).asDouble() : forNull;
        }
        return v;
    }

    /** The eigenvalues of G and the generalised eigenvalues μ on a log scale, with the line μ = 1; null without modes. */
    static XYChart spectrum(RunReport r, List<String> notes) {
        Table s = find(r, SPECTRUM);
        if (s == null) {
            return null;
        }
        XYChart c = Plots.chart("Metric-mode spectrum: " + r.title(), "mode k (largest eigenvalue first)",
                "eigenvalue (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        double[] k = s.column("k");
        // zeros (below rounding of the largest) and infinite μ have no place on a log axis: the legend says so
        List<String> expected = new ArrayList<>();
        if (!Plots.line(c, "eigenvalue of G, what the data see (zeros not drawn)", k, s.column("gauss_newton_eigenvalue"),
                Plots.LEARNED, SeriesLines.SOLID, true, true, expected)) {
            notes.add("modes-spectrum plot skipped: no positive eigenvalue");
            return null;
        }
        Plots.line(c, "μ: data against regulariser curvature (0 and ∞ not drawn)", k, s.column("generalised_eigenvalue"),
                Plots.DATA_LOSS, SeriesLines.DASH_DASH, true, true, expected);
        Plots.line(c, "μ = 1: determined above", new double[] {1, Math.max(1, k.length)}, new double[] {1, 1},
                Plots.REFERENCE, SeriesLines.DOT_DOT, false, true, notes);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    /** The h part of the leading modes against η; null without modes. */
    static XYChart modes(RunReport r, List<String> notes) {
        Table m = find(r, MODES);
        if (m == null) {
            return null;
        }
        XYChart c = Plots.chart("Leading metric modes: " + r.title(), "η  [units of the AdS radius; boundary right, horizon left]",
                "mode component along h(η_i)");
        double[] eta = m.column("eta");
        double[] g = find(r, SPECTRUM).column("gauss_newton_eigenvalue");
        int drawn = Math.min(DRAWN, m.columns().size() - 1);
        for (int k = 1; k <= drawn; k++) {
            // μ_k orders the pencil's directions, which are not G's eigenvectors: a mode is labelled by its own eigenvalue
            String label = String.format(Locale.ROOT, "mode %d: eigenvalue of G %.3g", k, g[k - 1]);
            Plots.line(c, label, eta, m.column("mode_" + k), COLOURS[k - 1], SeriesLines.SOLID, true, false, notes);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return c;
    }

    private static Table find(RunReport r, String name) {
        for (Table t : r.tables()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
