package org.holo.train.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.holo.train.posterior.PosteriorSummary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of a posterior: h with its bands beside the trained h, and SBC rank histograms. */
public final class PosteriorPlots {

    static final Color BAND95 = new Color(0x1f, 0x77, 0xb4, 0x30);
    static final Color BAND68 = new Color(0x1f, 0x77, 0xb4, 0x60);
    static final Color TRAINED = new Color(0xd6, 0x27, 0x28);

    private PosteriorPlots() {
    }

    /** NAME.png/.svg: posterior median of h with its 68 % and 95 % bands, the trained h and h = d. */
    public static List<Path> metric(Path dir, String name, String title, int dimension, PosteriorSummary s, double[] trainedH)
            throws IOException {
        Plots.ensureHeadless();
        List<String> notes = new ArrayList<>();
        XYChart c = Plots.chart("Posterior of h(η): " + title, "η  [units of the AdS radius; boundary right, horizon left]",
                "h(η)");
        double[] eta = s.eta();
        int n = eta.length;
        double[][] q = new double[5][n];
        double[] mid = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                q[k][i] = s.h().get(i).q(k);
            }
            mid[i] = s.h().get(i).q(2);
        }
        band(c, "posterior 95 %", eta, q[0], q[4], BAND95);
        band(c, "posterior 68 %", eta, q[1], q[3], BAND68);
        Plots.line(c, "posterior median", eta, mid, Plots.LEARNED, SeriesLines.SOLID, false, false, notes);
        Plots.line(c, "pure AdS: h = d = " + dimension, new double[] {eta[n - 1], eta[0]}, new double[] {dimension, dimension},
                Plots.REFERENCE, SeriesLines.DOT_DOT, false, false, notes);
        if (trainedH != null) {
            Plots.line(c, "trained h (the run)", eta, trainedH, TRAINED, SeriesLines.DASH_DASH, true, false, notes);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return Plots.save(c, dir, name);
    }

    /** NAME.png/.svg: one rank histogram per quantity (counts per bin), with the uniform expectation. */
    public static List<Path> ranks(Path dir, String name, String title, List<String> quantities, List<int[]> histograms,
                                   List<Double> pValues) throws IOException {
        Plots.ensureHeadless();
        List<String> notes = new ArrayList<>();
        XYChart c = Plots.chart("SBC rank histograms: " + title, "rank bin (quantities side by side)", "count");
        int bins = histograms.get(0).length;
        int total = 0;
        for (int v : histograms.get(0)) {
            total += v;
        }
        double expected = (double) total / bins;
        Color[] palette = {Plots.LEARNED, Plots.LAMBDA, Plots.REG, Plots.DATA_LOSS, new Color(0x94, 0x67, 0xbd),
            new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22),
            new Color(0x17, 0xbe, 0xcf)};
        for (int qi = 0; qi < quantities.size(); qi++) {
            int[] h = histograms.get(qi);
            double[] x = new double[2 * bins];
            double[] y = new double[2 * bins];
            double off = qi * (bins + 1);
            for (int b = 0; b < bins; b++) {
                x[2 * b] = off + b;
                x[2 * b + 1] = off + b + 1;
                y[2 * b] = h[b];
                y[2 * b + 1] = h[b];
            }
            Plots.line(c, String.format(java.util.Locale.ROOT, "%s (p = %.2g)", quantities.get(qi), pValues.get(qi)), x, y,
                    palette[qi % palette.length], SeriesLines.SOLID, false, false, notes);
        }
        double width = quantities.size() * (bins + 1);
        Plots.line(c, "uniform: " + String.format(java.util.Locale.ROOT, "%.1f", expected) + " per bin", new double[] {0, width},
                new double[] {expected, expected}, Plots.TRUE, SeriesLines.DASH_DASH, false, false, notes);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setYAxisMin(0.0);
        return Plots.save(c, dir, name);
    }

    private static void band(XYChart c, String name, double[] eta, double[] lo, double[] hi, Color color) {
        int n = eta.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = eta[i];
            py[i] = hi[i];
            px[2 * n - 1 - i] = eta[i];
            py[2 * n - 1 - i] = lo[i];
        }
        for (double v : py) {
            if (!Double.isFinite(v)) {
                return;
            }
        }
        XYSeries s = c.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(color);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
    }
}
