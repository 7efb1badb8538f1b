package org.holo.train.report;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.data.NumericTable;
import org.holo.train.observable.ChiralCondensate;
import org.holo.train.observable.CondensatePrediction;
import org.holo.train.observable.QuarkAntiquarkPotential;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figures of the observables ({@link ChiralCondensate}, {@link QuarkAntiquarkPotential}) when they have been written
 * into the run directory (holo predict, holo potential): the predicted condensate curve with the lattice points, and
 * the quark–antiquark potential V(r).
 */
final class ObservablePlots {

    private ObservablePlots() {
    }

    /** ⟨q̄q⟩(m_q) predicted by the trained net (one line per root branch) and the lattice points; null without predict. */
    static XYChart condensate(Path runDir, List<String> notes) {
        Path file = runDir.resolve(ChiralCondensate.CURVE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            NumericTable t = read(file, CondensatePrediction.CURVE_COLUMNS);
            XYChart c = Plots.chart("Predicted chiral condensate (holo predict)", "quark mass m_q [GeV]",
                    "chiral condensate ⟨q̄q⟩ [GeV³]");
            double[] mq = t.column("m_q_GeV");
            double[] sigma = t.column("condensate_GeV3");
            double[] branch = t.column("branch");
            for (int b = 0; b <= (int) max(branch); b++) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < mq.length; i++) {
                    if (branch[i] == b) {
                        pts.add(new double[] {mq[i], sigma[i]});
                    }
                }
                if (!pts.isEmpty()) {
                    Plots.line(c, "F = 0 of the trained net" + (b == 0 ? "" : " (root " + b + ")"), col(pts, 0), col(pts, 1),
                            Plots.LEARNED, new BasicStroke(2f), false, false, notes);
                }
            }
            Path lattice = runDir.resolve(ChiralCondensate.LATTICE);
            if (Files.isRegularFile(lattice)) {
                NumericTable l = read(lattice, CondensatePrediction.LATTICE_COLUMNS);
                Plots.scatter(c, "lattice QCD points", l.column("m_q_GeV"), l.column("condensate_GeV3"), Plots.TRUE,
                        SeriesMarkers.DIAMOND);
            }
            return c;
        } catch (IOException | RuntimeException e) {
            notes.add("condensate plot not drawn: " + e.getMessage());
            return null;
        }
    }

    /** V(r): the connected branches, the minimum (the potential) and the screened level; null without potential. */
    static XYChart potential(Path runDir, List<String> notes) {
        Path file = runDir.resolve(QuarkAntiquarkPotential.CSV);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Map<String, List<double[]>> curves = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).split(","));
            int curve = header.indexOf("curve");
            int branch = header.indexOf("branch");
            int r = header.indexOf("r_L");
            int v = header.indexOf("V");
            if (curve < 0 || branch < 0 || r < 0 || v < 0) {
                throw new IllegalArgumentException(file + ": expected columns curve,branch,r_L,V");
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                String key = f[curve].equals("connected") ? "connected string, branch " + f[branch] : f[curve];
                curves.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {Double.parseDouble(f[r]),
                        Double.parseDouble(f[v])});
            }
            // window: out to twice the range of the potential curve, V from −2·max to max (the Coulomb part
            // diverges as r → 0 and would flatten everything else)
            double rShow = 0.0;
            for (double[] p : curves.getOrDefault("minimum", List.of())) {
                if (Double.isFinite(p[0])) {
                    rShow = Math.max(rShow, 2.0 * p[0]);
                }
            }
            double vMax = 1.0;
            for (List<double[]> pts : curves.values()) {
                for (double[] p : pts) {
                    if (p[0] <= rShow && Double.isFinite(p[1])) {
                        vMax = Math.max(vMax, p[1]);
                    }
                }
            }
            XYChart c = Plots.chart("Quark–antiquark potential (holo potential)", "r  [units of L]",
                    "V(r)  [1/(2πα′), L = 1]");
            for (Map.Entry<String, List<double[]>> e : curves.entrySet()) {
                boolean minimum = e.getKey().equals("minimum");
                if (e.getKey().equals("screened")) {
                    Plots.line(c, "screened (two straight strings), V = 0", new double[] {0, rShow}, new double[] {0, 0},
                            Plots.REFERENCE, new BasicStroke(1.5f), false, false, notes);
                    continue;
                }
                List<double[]> shown = new ArrayList<>();
                for (double[] p : e.getValue()) {
                    if (p[0] <= rShow && p[1] >= -2.0 * vMax && p[1] <= 1.1 * vMax) {
                        shown.add(p);
                    }
                }
                if (!shown.isEmpty()) {
                    Plots.line(c, minimum ? "V(r): the cheaper configuration" : e.getKey(), col(shown, 0), col(shown, 1),
                            minimum ? Plots.LEARNED : Plots.DATA_LOSS, new BasicStroke(minimum ? 2.5f : 1.2f), false,
                            false, notes);
                }
            }
            return c;
        } catch (IOException | RuntimeException e) {
            notes.add("potential plot not drawn: " + e.getMessage());
            return null;
        }
    }

    private static NumericTable read(Path file, List<String> columns) throws IOException {
        try (Reader rd = Files.newBufferedReader(file)) {
            return NumericTable.read(rd, file.toString(), columns);
        }
    }

    private static double[] col(List<double[]> pts, int k) {
        double[] v = new double[pts.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = pts.get(i)[k];
        }
        return v;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
