package org.holo.train.spectrum;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.report.Plots;
import org.holo.train.report.Reports;
import org.holo.train.run.RunDirectory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figures of a finished meson-spectrum run, drawn from its tables into RUN_DIR/plots/ as PNG and SVG (what
 * {@code holo train} and {@code holo plot} do for every run): the spectrum (data, σ_eff and model by n and S), the
 * learned profiles a = A + log z and Φ, the Schrödinger potentials V₁, V₂, the Einstein-equation residual, the
 * dilaton potential V(Φ) and the loss. Never fails on a diverged run: what cannot be drawn is a note.
 */
public final class SpectralReports {

    private SpectralReports() {
    }

    /** Whether {@code dir} holds a meson-spectrum run (its config.json has kind meson-spectrum). */
    public static boolean isSpectral(Path dir) {
        Path config = dir.resolve(RunDirectory.CONFIG);
        return Files.isRegularFile(config) && SpectralConfigs.isSpectral(config);
    }

    /** Copies the run's tables (spectrum, geometry, ihqcd) into {@code dir}; returns the files written. */
    public static List<Path> export(Path runDir, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String f : List.of(SpectralOutputs.SPECTRUM, SpectralOutputs.GEOMETRY, SpectralOutputs.IHQCD)) {
            Path target = dir.resolve(f);
            AtomicFiles.write(target, Files.readAllBytes(runDir.resolve(f)));
            written.add(target);
        }
        return written;
    }

    /** Draws every figure; returns the notes (also written to plots/notes.txt). */
    public static List<String> writeAll(Path runDir) throws IOException {
        Plots.ensureHeadless();
        Path plots = runDir.resolve(Reports.PLOTS_DIR);
        Files.createDirectories(plots);
        List<String> notes = new ArrayList<>();
        Map<String, ChartMaker> makers = new LinkedHashMap<>();
        makers.put("spectrum", () -> spectrum(table(runDir.resolve(SpectralOutputs.SPECTRUM))));
        makers.put("profiles", () -> profiles(table(runDir.resolve(SpectralOutputs.GEOMETRY))));
        makers.put("potentials", () -> potentials(table(runDir.resolve(SpectralOutputs.GEOMETRY))));
        makers.put("einstein-residual", () -> residual(table(runDir.resolve(SpectralOutputs.IHQCD))));
        makers.put("dilaton-potential", () -> dilatonPotential(table(runDir.resolve(SpectralOutputs.IHQCD))));
        makers.put("loss", () -> loss(runDir.resolve(RunDirectory.METRICS)));
        for (Map.Entry<String, ChartMaker> e : makers.entrySet()) {
            try {
                Plots.save(e.getValue().make(), plots, e.getKey());
            } catch (IOException | RuntimeException | LinkageError ex) {
                notes.add(e.getKey() + " plot not drawn: " + ex.getMessage());
            }
        }
        AtomicFiles.write(plots.resolve(Reports.NOTES), String.join("\n", notes) + (notes.isEmpty() ? "" : "\n"));
        return notes;
    }

    private interface ChartMaker {
        XYChart make() throws IOException;
    }

    /** A run-directory CSV (header, then numbers or text) by column name. */
    record Csv(List<String> header, List<String[]> rows) {
        double[] numbers(String column) {
            int c = header.indexOf(column);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(rows.get(i)[c]);
            }
            return v;
        }

        String[] text(String column) {
            int c = header.indexOf(column);
            String[] v = new String[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[c];
            }
            return v;
        }
    }

    static Csv table(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                rows.add(l.split(",", -1));
            }
        }
        return new Csv(List.of(lines.get(0).split(",", -1)), rows);
    }

    /** Finite points only: a diverged geometry leaves gaps, not a broken figure. */
    private static void add(XYChart c, String name, double[] x, double[] y, boolean markers) {
        List<double[]> keep = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                keep.add(new double[] {x[i], y[i]});
            }
        }
        if (keep.isEmpty()) {
            return;
        }
        double[] px = new double[keep.size()];
        double[] py = new double[keep.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = keep.get(i)[0];
            py[i] = keep.get(i)[1];
        }
        XYSeries s = c.addSeries(name, px, py);
        if (markers) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        } else {
            s.setMarker(SeriesMarkers.NONE);
        }
    }

    static XYChart spectrum(Csv t) {
        XYChart c = Plots.chart("Meson masses: data (±σ_eff) and learned model", "n  (radial number)", "m  [GeV]");
        double[] spin = t.numbers("S");
        double[] n = t.numbers("n");
        double[] data = t.numbers("m_data_GeV");
        double[] sigma = t.numbers("sigma_GeV");
        double[] model = t.numbers("m_model_GeV");
        String[] role = t.text("role");
        for (int s = 1; s <= 2; s++) {
            for (String r : new String[] {"train", "held-out"}) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < spin.length; i++) {
                    if (spin[i] == s && role[i].equals(r)) {
                        pts.add(new double[] {n[i], data[i], sigma[i]});
                    }
                }
                if (pts.isEmpty()) {
                    continue;
                }
                double[] x = new double[pts.size()];
                double[] y = new double[pts.size()];
                double[] e = new double[pts.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = pts.get(i)[0];
                    y[i] = pts.get(i)[1];
                    e[i] = pts.get(i)[2];
                }
                XYSeries d = c.addSeries("data S=" + s + " (" + r + ")", x, y, e);
                d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < spin.length; i++) {
                if (spin[i] == s) {
                    pts.add(new double[] {n[i], model[i]});
                }
            }
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            if (!pts.isEmpty()) {
                add(c, "model S=" + s, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(), false);
            }
        }
        return c;
    }

    static XYChart profiles(Csv t) {
        XYChart c = Plots.chart("Learned geometry: A = −log z + a(z), dilaton Φ(z)", "z  [GeV⁻¹]", "a(z), Φ(z)");
        double[] z = t.numbers("z_GeV_inv");
        double[] a = t.numbers("A");
        for (int i = 0; i < z.length; i++) {
            a[i] += StrictMath.log(z[i]);
        }
        add(c, "a(z) = A + log z", z, a, false);
        add(c, "Φ(z)", z, t.numbers("Phi"), false);
        return c;
    }

    static XYChart potentials(Csv t) {
        XYChart c = Plots.chart("Schrödinger potentials V_S = B_S'²/4 − B_S''/2", "z  [GeV⁻¹]", "V  [GeV²]");
        double[] z = t.numbers("z_GeV_inv");
        double[] v1 = t.numbers("V1_GeV2");
        double[] v2 = t.numbers("V2_GeV2");
        // the 1/z² wall hides the rest: from z = 0.5 GeV⁻¹
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            if (z[i] >= 0.5) {
                keep.add(i);
            }
        }
        double[] x = keep.stream().mapToDouble(i -> z[i]).toArray();
        add(c, "V₁ (ρ tower)", x, keep.stream().mapToDouble(i -> v1[i]).toArray(), false);
        add(c, "V₂ (a₂ tower)", x, keep.stream().mapToDouble(i -> v2[i]).toArray(), false);
        return c;
    }

    static XYChart residual(Csv t) {
        XYChart c = Plots.chart("Einstein–dilaton equation: R = A_E'² − A_E'' − (4/9)Φ'²", "z  [GeV⁻¹]", "R  [GeV²]  (0 for a solution)");
        add(c, "R(z)", t.numbers("z_GeV_inv"), t.numbers("residual_GeV2"), false);
        return c;
    }

    static XYChart dilatonPotential(Csv t) {
        XYChart c = Plots.chart("Dilaton potential V(Φ) along the learned geometry", "Φ", "V  [GeV², L = 1 GeV⁻¹: 12 for AdS]");
        double[] phi = t.numbers("Phi");
        // V grows like e^{4Φ/3} in a confining IR: a log axis, positive values only
        c.getStyler().setYAxisLogarithmic(true);
        add(c, "e^(−2A_E)(12A_E'² − (4/3)Φ'²)", phi, positive(t.numbers("V_kinetic")), false);
        add(c, "e^(−2A_E)(9A_E'² + 3A_E'')", phi, positive(t.numbers("V_curvature")), false);
        return c;
    }

    private static double[] positive(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > 0)) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    static XYChart loss(Path metrics) throws IOException {
        XYChart c = Plots.chart("Training loss", "step", "loss (χ²/N + smoothness)");
        List<double[]> pts = new ArrayList<>();
        for (String l : Files.readAllLines(metrics)) {
            if (l.isBlank()) {
                continue;
            }
            JsonNode n = ConfigLoader.mapper().readTree(l);
            if (n.path("loss").isNumber() && n.path("loss").asDouble() > 0) {
                pts.add(new double[] {n.path("step").asDouble(), n.path("loss").asDouble()});
            }
        }
        c.getStyler().setYAxisLogarithmic(true);
        add(c, "loss", pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(), false);
        return c;
    }
}
