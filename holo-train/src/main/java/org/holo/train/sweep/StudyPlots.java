package org.holo.train.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holo.train.report.Plots;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A chosen scalar against each axis: every point with a result (converged blue, not converged orange), the mean and
 * standard deviation over the points that share the axis value (over seeds and the other axes), and failed
 * points as red crosses on the lowest value drawn. Axes whose values are not numbers are drawn at 0, 1, 2, ...
 * in their order in the spec, which the x-axis title lists.
 */
public final class StudyPlots {

    public static final String DIR = "plots";

    private StudyPlots() {
    }

    /** Writes plots/SCALAR-vs-AXIS.png and .svg for every axis; returns the files, notes go to {@code notes}. */
    public static List<Path> write(Study study, List<ObjectNode> rows, String scalar, List<String> notes) throws IOException {
        Plots.ensureHeadless();
        List<Path> files = new ArrayList<>();
        for (String axis : study.axisNames()) {
            XYChart c = chart(study, rows, scalar, axis, notes);
            if (c != null) {
                files.addAll(Plots.save(c, study.dir().resolve(DIR), scalar + "-vs-" + axis));
            }
        }
        return files;
    }

    static XYChart chart(Study study, List<ObjectNode> rows, String scalar, String axis, List<String> notes) {
        // the x position of each axis value, in the order of the spec
        Map<String, Double> position = new LinkedHashMap<>();
        boolean numeric = true;
        for (SweepPoint p : study.points()) {
            JsonNode v = p.axes().get(axis);
            numeric &= v.isNumber();
            position.putIfAbsent(v.toString(), 0.0);
        }
        int k = 0;
        for (String key : position.keySet()) {
            position.put(key, numeric ? Double.parseDouble(key) : k);
            k++;
        }
        List<double[]> ok = new ArrayList<>();
        List<double[]> notConverged = new ArrayList<>();
        List<Double> failedX = new ArrayList<>();
        Map<Double, List<Double>> byX = new LinkedHashMap<>();
        for (ObjectNode r : rows) {
            double x = position.get(r.get(axis).toString());
            JsonNode y = r.get(scalar);
            if (!"done".equals(r.path("state").asText())) {
                if ("failed".equals(r.path("state").asText())) {
                    failedX.add(x);
                }
                continue;
            }
            if (y == null || !y.isNumber() || !Double.isFinite(y.asDouble())) {
                continue;
            }
            (r.path("converged").asBoolean(false) ? ok : notConverged).add(new double[] {x, y.asDouble()});
            byX.computeIfAbsent(x, q -> new ArrayList<>()).add(y.asDouble());
        }
        if (byX.isEmpty()) {
            notes.add(scalar + " against " + axis + ": no point has a finite " + scalar + "; not drawn");
            return null;
        }
        String xTitle = numeric ? axis : axis + " (" + String.join(", ", labels(position)) + ")";
        XYChart c = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT)
                .title(scalar + " against " + axis + ": " + study.name()).xAxisTitle(xTitle).yAxisTitle(scalar).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLocale(Locale.ROOT);
        c.getStyler().setMarkerSize(7);
        double[] mx = byX.keySet().stream().sorted().mapToDouble(Double::doubleValue).toArray();
        double[] mean = new double[mx.length];
        double[] sd = new double[mx.length];
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < mx.length; i++) {
            List<Double> ys = byX.get(mx[i]);
            mean[i] = ys.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double m = mean[i];
            sd[i] = ys.size() < 2 ? 0 : Math.sqrt(ys.stream().mapToDouble(y -> (y - m) * (y - m)).sum() / (ys.size() - 1));
            for (double y : ys) {
                lowest = Math.min(lowest, y);
            }
        }
        XYSeries band = c.addSeries("mean ± standard deviation", mx, mean, sd);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        band.setLineColor(Color.DARK_GRAY);
        band.setMarker(SeriesMarkers.NONE);
        scatter(c, "converged", ok, new Color(0x1f, 0x77, 0xb4));
        scatter(c, "not converged", notConverged, new Color(0xff, 0x7f, 0x0e));
        if (!failedX.isEmpty()) {
            List<double[]> f = new ArrayList<>();
            for (double x : failedX) {
                f.add(new double[] {x, lowest});
            }
            XYSeries s = scatter(c, "failed (no result; drawn at the lowest value)", f, Color.RED);
            s.setMarker(SeriesMarkers.CROSS);
        }
        return c;
    }

    private static XYSeries scatter(XYChart c, String name, List<double[]> pts, Color color) {
        if (pts.isEmpty()) {
            return null;
        }
        XYSeries s = c.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    private static List<String> labels(Map<String, Double> position) {
        List<String> out = new ArrayList<>();
        position.forEach((k, v) -> {
            String label = k.replaceAll("^\"|\"$", "");
            int slash = label.lastIndexOf('/');
            out.add(v.intValue() + ": " + (slash >= 0 ? label.substring(slash + 1) : label));
        });
        return out;
    }
}
