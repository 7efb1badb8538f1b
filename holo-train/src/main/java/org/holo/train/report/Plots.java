package org.holo.train.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.holo.train.ensemble.MetricBand;
import org.holo.train.io.AtomicFiles;
import org.holo.train.observable.ChiralCondensate;
import org.holo.train.observable.QuarkAntiquarkPotential;
import org.holo.train.run.SensitivityProfile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of a run, drawn with XChart and written as PNG and SVG (docs/exports-and-plots.md):
 * <ul>
 *   <li>{@code metric}: the learned h(η_i) per layer with the shaded band h ± h_conditional_resolution (what the data
 *       determine; clipped to the plot), the ensemble band (q16…q84) when there is one, the true metric when the
 *       data were labelled with one, and pure AdS (h = d) for reference;</li>
 *   <li>{@code volume}: W(η) normalised to 1 at η_ini (log scale), learned, true and pure AdS;</li>
 *   <li>{@code loss}: loss, data loss and regularisation against the epoch (log scale), with the convergence
 *       threshold;</li>
 *   <li>{@code parameters}: the L (left axis, GeV⁻¹) and λ (right axis) traces against the epoch;</li>
 *   <li>{@code data-plane}: the boundary data (QCD: m_q vs ⟨q̄q⟩) with the dataset points, samples of the
 *       positive and negative training data, and the region the trained network accepts.</li>
 * </ul>
 * Rendering is headless. Values that cannot be drawn (non-finite, absurdly large, or ≤ 0 on a log axis) are
 * left out and counted in the notes; a chart with nothing left to draw is skipped with a note; nothing here
 * throws for a diverged run.
 */
public final class Plots {

    static {
        // before any AWT class (the colours below) is initialised: the native AWT library reads it when it loads
        ensureHeadless();
    }

    public static final int WIDTH = 800;
    public static final int HEIGHT = 600;
    /** Values beyond this magnitude are not drawn (they would flatten everything else). */
    static final double DRAWABLE = 1e15;
    /** A line of more points than 2 × this (a long training history) is drawn through its per-bucket min and max. */
    static final int LINE_BUCKETS = 300;

    static final Color LEARNED = new Color(0x1f, 0x77, 0xb4);
    static final Color TRUE = new Color(0x20, 0x20, 0x20);
    static final Color REFERENCE = new Color(0x99, 0x99, 0x99);
    static final Color BAND = new Color(0x1f, 0x77, 0xb4, 0x40);
    static final Color RESOLUTION = new Color(0x2c, 0xa0, 0x2c, 0x38);
    static final Color POSITIVE = new Color(0x1f, 0x77, 0xb4, 0x90);
    static final Color NEGATIVE = new Color(0xd6, 0x27, 0x28, 0x70);
    static final Color ACCEPTED = new Color(0xb8, 0xe6, 0xb0);
    static final Color LAMBDA = new Color(0xd6, 0x27, 0x28);
    static final Color DATA_LOSS = new Color(0xff, 0x7f, 0x0e);
    static final Color REG = new Color(0x2c, 0xa0, 0x2c);

    private Plots() {
    }

    /** Makes AWT headless unless the caller chose otherwise; must run before the first chart is drawn. */
    public static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Draws every figure the report supports into {@code dir} as NAME.png and NAME.svg; returns the files
     * written. {@code plane} may be null (no data-plane figure). Problems go to {@code notes}.
     */
    public static List<Path> writeAll(RunReport report, DataPlane plane, Path dir, List<String> notes) {
        ensureHeadless();
        Map<String, ChartMaker> makers = new LinkedHashMap<>();
        makers.put("metric", () -> metric(report, notes));
        makers.put("volume", () -> volume(report, notes));
        makers.put("loss", () -> loss(report, notes));
        makers.put("parameters", () -> parameters(report, notes));
        makers.put("data-plane", () -> plane == null ? null : dataPlane(report, plane, notes));
        makers.put("modes-spectrum", () -> ModesReport.spectrum(report, notes));
        makers.put("modes", () -> ModesReport.modes(report, notes));
        // observables, when holo predict / holo potential have been run on this directory
        makers.put(ChiralCondensate.NAME, () -> ObservablePlots.condensate(dir.getParent(), notes));
        makers.put(QuarkAntiquarkPotential.NAME, () -> ObservablePlots.potential(dir.getParent(), notes));
        // the charts are built here (cheap, and they write the notes) and rendered on up to two threads
        Map<String, XYChart> charts = new LinkedHashMap<>();
        for (Map.Entry<String, ChartMaker> e : makers.entrySet()) {
            try {
                XYChart c = e.getValue().make();
                if (c != null) {
                    charts.put(e.getKey(), c);
                } else {
                    deleteStale(dir, e.getKey(), notes);
                }
            } catch (RuntimeException | LinkageError | InternalError ex) {
                notes.add(e.getKey() + " plot not drawn: " + ex);
                deleteStale(dir, e.getKey(), notes);
            }
        }
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "holo-plot");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<List<Path>>> futures = new LinkedHashMap<>();
            for (Map.Entry<String, XYChart> e : charts.entrySet()) {
                futures.put(e.getKey(), pool.submit(() -> save(e.getValue(), dir, e.getKey())));
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, Future<List<Path>>> e : futures.entrySet()) {
                try {
                    written.addAll(e.getValue().get());
                } catch (ExecutionException ex) {
                    notes.add(e.getKey() + " plot not written: " + ex.getCause());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    notes.add(e.getKey() + " plot not written: interrupted");
                }
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface ChartMaker {
        XYChart make();
    }

    /** A figure that is not drawn this time must not survive from an earlier run of holo plot. */
    private static void deleteStale(Path dir, String name, List<String> notes) {
        for (String ext : new String[] {".png", ".svg"}) {
            try {
                Files.deleteIfExists(dir.resolve(name + ext));
            } catch (IOException e) {
                notes.add("cannot remove the stale " + dir.resolve(name + ext) + ": " + e.getMessage());
            }
        }
    }

    /** Writes chart as NAME.png and NAME.svg (each atomically). */
    public static List<Path> save(XYChart chart, Path dir, String name) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        ByteArrayOutputStream svg = new ByteArrayOutputStream(64 * 1024);
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Path p = dir.resolve(name + ".png");
        Path s = dir.resolve(name + ".svg");
        AtomicFiles.write(p, png.toByteArray());
        AtomicFiles.write(s, svg.toByteArray());
        return List.of(p, s);
    }

    // ---------------------------------------------------------------- the figures

    static XYChart metric(RunReport r, List<String> notes) {
        XYChart c = chart("Emergent metric h(η): " + r.title(), "η  [units of the AdS radius; boundary right, horizon left]",
                "h(η) = ∂η log √(f g^(d−1))");
        Table m = r.metric();
        double[] eta = m.column("eta");
        resolutionBand(c, r, notes);
        MetricBand band = r.band();
        if (band != null) {
            double[][] lo = finite(band.eta(), band.q16(), false, "h(η) plot, ensemble band q16", notes);
            double[][] hi = finite(band.eta(), band.q84(), false, "h(η) plot, ensemble band q84", notes);
            if (lo[0].length > 1 && hi[0].length > 1) {
                double[] px = new double[lo[0].length + hi[0].length];
                double[] py = new double[px.length];
                for (int i = 0; i < hi[0].length; i++) {
                    px[i] = hi[0][i];
                    py[i] = hi[1][i];
                }
                for (int i = 0; i < lo[0].length; i++) {
                    px[hi[0].length + i] = lo[0][lo[0].length - 1 - i];
                    py[hi[0].length + i] = lo[1][lo[0].length - 1 - i];
                }
                XYSeries s = c.addSeries("ensemble 16–84 % (" + band.members() + " runs)", px, py);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                s.setFillColor(BAND);
                s.setLineColor(BAND);
                s.setMarker(SeriesMarkers.NONE);
                line(c, "ensemble median", band.eta(), band.median(), new Color(0x1f, 0x77, 0xb4, 0xa0), SeriesLines.DASH_DOT,
                        false, false, notes);
            }
        }
        double[] etaLine = {eta[eta.length - 1], eta[0]};
        Table truth = r.trueMetric();
        if (truth != null) {
            etaLine = new double[] {truth.column("eta")[truth.rows() - 1], truth.column("eta")[0]};
        }
        int d = r.dimension();
        line(c, "pure AdS: h = d = " + d, etaLine, new double[] {d, d}, REFERENCE, SeriesLines.DOT_DOT, false, false, notes);
        if (truth != null) {
            line(c, "true h: " + trueLabel(r), truth.column("eta"), truth.column("h"), TRUE, SeriesLines.DASH_DASH, false,
                    false, notes);
        }
        boolean any = line(c, band != null ? "h(η_i) of this run" : "learned h(η_i), one point per layer", eta,
                m.column("h"), LEARNED, SeriesLines.SOLID, true, false, notes);
        if (!any) {
            notes.add("metric plot: no finite h value: only the references are drawn");
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    /**
     * The band h ± h_conditional_resolution (what the data determine: the change of h at one layer alone that moves the outputs
     * by 0.1 rms), behind everything else. Each edge is clipped to {@link #metricRange}, so an unconstrained layer
     * (an infinite or huge width) fills the plot's height instead of stretching the axis.
     */
    static void resolutionBand(XYChart c, RunReport r, List<String> notes) {
        Table m = r.metric();
        if (!m.has(RunReport.H_CONDITIONAL_RESOLUTION)) {
            return;
        }
        double[] eta = m.column("eta");
        double[] h = m.column("h");
        double[] res = m.column(RunReport.H_CONDITIONAL_RESOLUTION);
        double[] range = metricRange(r);
        int n = eta.length;
        double[] x = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int k = 0;
        boolean clipped = false;
        for (int i = 0; i < n; i++) {
            if (!drawable(eta[i]) || !drawable(h[i]) || Double.isNaN(res[i])) {
                continue;
            }
            x[k] = eta[i];
            lo[k] = Math.max(h[i] - res[i], range[0]);
            hi[k] = Math.min(h[i] + res[i], range[1]);
            clipped |= lo[k] > h[i] - res[i] || hi[k] < h[i] + res[i];
            k++;
        }
        if (k < n) {
            notes.add("h(η) plot, resolution band: " + (n - k) + " of " + n + " layers not drawn (h or its resolution"
                    + " not finite)");
        }
        if (k < 2) {
            return;
        }
        double[] px = new double[2 * k];
        double[] py = new double[2 * k];
        for (int i = 0; i < k; i++) {
            px[i] = x[i];
            py[i] = hi[i];
            px[2 * k - 1 - i] = x[i];
            py[2 * k - 1 - i] = lo[i];
        }
        XYSeries s = c.addSeries("h ± " + SensitivityProfile.OUTPUT_SHIFT + "/√G_i: the change of h_i alone that moves"
                + " the outputs by " + SensitivityProfile.OUTPUT_SHIFT + " rms" + (clipped ? " (clipped to the plot)" : ""),
                px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(RESOLUTION);
        s.setLineColor(RESOLUTION);
        s.setMarker(SeriesMarkers.NONE);
    }

    /**
     * The y-range of the h(η) plot without the resolution band: learned h, true h, h = d and the ensemble band,
     * widened by a quarter of its span (at least 1) on each side.
     */
    static double[] metricRange(RunReport r) {
        List<double[]> curves = new ArrayList<>();
        curves.add(r.metric().column("h"));
        curves.add(new double[] {r.dimension()});
        if (r.trueMetric() != null) {
            curves.add(r.trueMetric().column("h"));
        }
        if (r.band() != null) {
            curves.add(r.band().q16());
            curves.add(r.band().q84());
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : curves) {
            for (double y : v) {
                if (drawable(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        double pad = 0.25 * Math.max(hi - lo, 1.0);
        return new double[] {lo - pad, hi + pad};
    }

    static XYChart volume(RunReport r, List<String> notes) {
        XYChart c = chart("Volume factor W(η): " + r.title(), "η  [units of the AdS radius; boundary right, horizon left]",
                "W = √(f g^(d−1)),  W(η_ini) = 1   (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        Table m = r.metric();
        double[] eta = m.column("eta");
        Table truth = r.trueMetric();
        double[] ref = truth != null ? truth.column("eta") : eta;
        double[] wAds = new double[ref.length];
        for (int i = 0; i < ref.length; i++) {
            wAds[i] = Math.exp(r.dimension() * (ref[i] - ref[0]));
        }
        line(c, "pure AdS: W = exp(d (η − η_ini))", ref, wAds, REFERENCE, SeriesLines.DOT_DOT, false, true, notes);
        if (truth != null) {
            line(c, "true W: " + trueLabel(r), truth.column("eta"), truth.column("W"), TRUE, SeriesLines.DASH_DASH, false,
                    true, notes);
        }
        if (!line(c, "learned W(η_i) (trapezoid rule over the layers)", eta, m.column("W"), LEARNED, SeriesLines.SOLID,
                true, true, notes)) {
            notes.add("volume plot: no drawable W value: only the references are drawn");
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return c;
    }

    static XYChart loss(RunReport r, List<String> notes) {
        Table h = r.history();
        if (h.rows() == 0) {
            notes.add("loss plot skipped: no training history (metrics.jsonl)");
            return null;
        }
        XYChart c = chart("Training loss: " + r.title(), "epoch", "loss per epoch (mean of the mini-batches, log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        epochAxis(c);
        double[] epoch = h.column("epoch");
        boolean any = line(c, "loss (data + regularisation)", epoch, h.column("loss"), LEARNED, SeriesLines.SOLID, false,
                true, notes);
        any |= line(c, "data loss", epoch, h.column("data_loss"), DATA_LOSS, SeriesLines.DASH_DASH, false, true, notes);
        any |= line(c, "regularisation", epoch, h.column("regularisation"), REG, SeriesLines.DOT_DOT, false, true, notes);
        if (!any) {
            notes.add("loss plot skipped: no positive finite loss value");
            return null;
        }
        double threshold = r.source().path("converged_loss").asDouble(Double.NaN);
        double[][] e = finite(epoch, epoch, false, null, null);
        if (threshold > 0 && e[0].length > 0) {
            line(c, "converged when the final loss ≤ " + number(threshold), new double[] {min(e[0]), max(e[0])},
                    new double[] {threshold, threshold}, REFERENCE, SeriesLines.DOT_DOT, false, true, notes);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    static XYChart parameters(RunReport r, List<String> notes) {
        Table h = r.history();
        if (h.rows() == 0) {
            notes.add("parameters plot skipped: no training history (metrics.jsonl)");
            return null;
        }
        boolean hasL = h.has("L");
        Table s = r.scalars();
        boolean lambdaTrained = r.lambdaTrained();
        if (!hasL && !lambdaTrained) {
            return null; // nothing was trained but h: a constant trace says nothing
        }
        StringBuilder title = new StringBuilder(hasL ? "L and λ during training: " : "λ during training: ").append(r.title());
        XYChart c = chart(title.toString(), "epoch", hasL ? "AdS radius L  [GeV⁻¹]" : "quartic coupling λ");
        epochAxis(c);
        double[] epoch = h.column("epoch");
        boolean any = false;
        if (hasL) {
            double l = s.column("L_GeV_inv")[0];
            any |= line(c, "L  (final " + number(l) + " GeV⁻¹, 1/L = " + number(1000.0 / l) + " MeV)", epoch, h.column("L"),
                    LEARNED, SeriesLines.SOLID, false, false, notes);
        }
        double lam = s.column("lambda")[0];
        String fixed = lambdaTrained ? "" : ", fixed";
        XYSeries ls = lineSeries(c, "λ  (final " + number(lam) + fixed + ")" + (hasL ? ", right axis" : ""), epoch,
                h.column("lambda"), LAMBDA, hasL ? SeriesLines.DASH_DASH : SeriesLines.SOLID, false, false, notes);
        if (ls != null) {
            any = true;
            if (hasL) {
                ls.setYAxisGroup(1);
                c.setYAxisGroupTitle(1, "quartic coupling λ");
                c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            }
        }
        if (!any) {
            notes.add("parameters plot skipped: no finite L or λ value");
            return null;
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return c;
    }

    private static void epochAxis(XYChart c) {
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisDecimalPattern("0");
    }

    static XYChart dataPlane(RunReport r, DataPlane p, List<String> notes) {
        XYChart c = chart("Boundary data and the accepted region: " + r.title(), p.xLabel(), p.yLabel());
        XYStyler st = c.getStyler();
        st.setMarkerSize(6);
        st.setXAxisMin(p.box()[0]);
        st.setXAxisMax(p.box()[1]);
        st.setYAxisMin(p.box()[2]);
        st.setYAxisMax(p.box()[3]);
        st.setLegendPosition(Styler.LegendPosition.InsideSE);
        st.setPlotGridLinesVisible(false);
        st.setXAxisDecimalPattern("0.###");
        st.setYAxisDecimalPattern("0.###");
        double pct = 100.0 * p.acceptedX().length / p.gridPoints();
        String acc = String.format(Locale.ROOT, "accepted by the trained net: t(F) < ½ (%.1f %% of the box)", pct);
        if (p.acceptedX().length == 0 && p.outputFinite()) {
            notes.add("data plane: the trained network accepts no point of the grid (t(F) >= 1/2 everywhere)");
        }
        scatter(c, p.acceptedX().length > 0 ? acc : "no grid point accepted by the trained net", p.acceptedX(),
                p.acceptedY(), ACCEPTED, new Scaled(SeriesMarkers.SQUARE, 1.0));
        scatter(c, "negative training data (" + p.negX().length + " of " + p.negatives() + " drawn)", p.negX(), p.negY(), NEGATIVE,
                new Scaled(SeriesMarkers.CIRCLE, 0.5));
        scatter(c, "positive training data (" + p.posX().length + " of " + p.positives() + " drawn)", p.posX(), p.posY(), POSITIVE,
                new Scaled(SeriesMarkers.CIRCLE, 0.5));
        if (p.fitX() != null) {
            line(c, "polynomial fit of the lattice points", p.fitX(), p.fitY(), TRUE, SeriesLines.DASH_DASH, false, false, notes);
        }
        if (p.hasPoints()) {
            scatter(c, "lattice QCD points", p.pointsX(), p.pointsY(), Color.BLACK, new Scaled(SeriesMarkers.DIAMOND, 2.0));
        }
        return c;
    }

    // ---------------------------------------------------------------- helpers

    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xe0, 0xe0, 0xe0));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendBorderColor(new Color(0xc0, 0xc0, 0xc0));
        st.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        st.setMarkerSize(7);
        st.setAntiAlias(true);
        st.setLocale(Locale.ROOT);
        return c;
    }

    /** Adds a line (optionally with markers); returns false when no point could be drawn. */
    static boolean line(XYChart c, String name, double[] x, double[] y, Color color, BasicStroke stroke, boolean markers,
                        boolean logY, List<String> notes) {
        return lineSeries(c, name, x, y, color, stroke, markers, logY, notes) != null;
    }

    static XYSeries lineSeries(XYChart c, String name, double[] x, double[] y, Color color, BasicStroke stroke,
                               boolean markers, boolean logY, List<String> notes) {
        String title = c.getTitle() == null ? "" : c.getTitle();
        String figure = title.contains(":") ? title.substring(0, title.indexOf(':')) : title;
        double[][] f = decimate(finite(x, y, logY, figure + ", " + name, notes), LINE_BUCKETS);
        if (f[0].length == 0) {
            return null;
        }
        XYSeries s = c.addSeries(name, f[0], f[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(color);
        return s;
    }

    static void scatter(XYChart c, String name, double[] x, double[] y, Color color, Marker marker) {
        double[][] f = finite(x, y, false, null, null);
        if (f[0].length == 0) {
            return;
        }
        XYSeries s = c.addSeries(name, f[0], f[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    /**
     * The drawable points of (x, y): both finite and below {@link #DRAWABLE} in magnitude, and y &gt; 0 on a log
     * axis. What is left out is counted in a note (when {@code what} is not null).
     */
    static double[][] finite(double[] x, double[] y, boolean positiveY, String what, List<String> notes) {
        int n = Math.min(x.length, y.length);
        double[] fx = new double[n];
        double[] fy = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (drawable(x[i]) && drawable(y[i]) && (!positiveY || y[i] > 0)) {
                fx[k] = x[i];
                fy[k] = y[i];
                k++;
            }
        }
        if (k < n && what != null && notes != null) {
            notes.add(what + ": " + (n - k) + " of " + n + " points not drawn (non-finite, |value| > 1e15"
                    + (positiveY ? " or <= 0 on a log axis" : "") + ")");
        }
        return new double[][] {java.util.Arrays.copyOf(fx, k), java.util.Arrays.copyOf(fy, k)};
    }

    /**
     * Thins a line of many points (x ascending) for drawing: the points are split into {@code buckets} runs of
     * consecutive points and each run contributes its lowest and its highest point, in x order, so spikes and the
     * noise envelope survive while a 5000-epoch history draws as ~1000 points instead of 5000.
     */
    static double[][] decimate(double[][] xy, int buckets) {
        double[] x = xy[0];
        double[] y = xy[1];
        int n = x.length;
        if (n <= 2 * buckets) {
            return xy;
        }
        double[] ox = new double[2 * buckets];
        double[] oy = new double[2 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            ox[k] = x[first];
            oy[k++] = y[first];
            if (second != first) {
                ox[k] = x[second];
                oy[k++] = y[second];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k)};
    }

    private static boolean drawable(double v) {
        return Double.isFinite(v) && Math.abs(v) <= DRAWABLE;
    }

    private static String trueLabel(RunReport r) {
        int d = r.dimension();
        if ("ads-schwarzschild".equals(r.trueMetricName())) {
            return "AdS-Schwarzschild, h = " + d + " coth(" + d + "η)";
        }
        if ("ads".equals(r.trueMetricName())) {
            return "AdS, h = " + d;
        }
        return r.trueMetricName();
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** A marker drawn at a multiple of the chart's marker size (XChart has one marker size per chart). */
    static final class Scaled extends Marker {
        private final Marker base;
        private final double scale;

        Scaled(Marker base, double scale) {
            this.base = base;
            this.scale = scale;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            base.paint(g, x, y, Math.max(1, (int) Math.round(size * scale)));
        }
    }
}
