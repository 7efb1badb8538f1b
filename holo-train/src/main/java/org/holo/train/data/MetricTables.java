package org.holo.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.holo.core.RadialGrid;
import org.holo.core.data.DataFormatException;
import org.holo.core.data.NumericTable;
import org.holo.core.metric.TabulatedMetric;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.run.FinishedRun;
import org.holo.train.run.RunDirectory;

/**
 * Metrics given as tables (physics.md §6.3): a CSV file with header {@code eta,h} (any order of rows, strictly
 * monotone in η), or a finished run directory (its learned h), read as the natural cubic spline through the rows
 * ({@link TabulatedMetric}). The table must span every η the network reads: the layer positions and the layer
 * map's nodes.
 */
public final class MetricTables {

    public static final List<String> COLUMNS = List.of("eta", "h");

    private MetricTables() {
    }

    /** The metric of a CSV table, checked against the grid and nodes it will be read at. */
    public static TabulatedMetric read(Path file, RadialGrid grid, double[] nodes) throws IOException {
        NumericTable t = DataSources.readTable(file, COLUMNS);
        if (t.rows() < 2) {
            throw new DataFormatException(file.toString(), 0, "a metric table needs at least 2 rows (eta,h), found " + t.rows());
        }
        double[] eta = t.column("eta");
        int bad = TabulatedMetric.firstNonMonotone(eta);
        if (bad >= 0) {
            throw new DataFormatException(file.toString(), t.line(bad), String.format(Locale.ROOT,
                    "eta is not strictly monotone (%s after %s on line %d): the rows must run one way in eta, without repeats",
                    eta[bad], eta[bad - 1], t.line(bad - 1)));
        }
        return spanning(new TabulatedMetric(eta, t.column("h")), file.toString(), grid, nodes);
    }

    /**
     * The metric a finished run learned: h at its layers and at its layer map's nodes (where a higher-order scheme
     * reads its own interpolation), so a run with the same grid and scheme starts from exactly its values.
     */
    public static TabulatedMetric fromRun(Path runDir, RadialGrid grid, double[] nodes) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new DataFormatException(runDir.toString(), 0, "not a run directory (no such directory)");
        }
        FinishedRun run = FinishedRun.read(runDir);
        HolographicNetwork net = run.network();
        TreeMap<Double, Double> rows = new TreeMap<>();
        double[] layerEtas = net.grid().layerEtas();
        double[] h = net.metricAtLayers(run.params());
        double[] nodeEtas = net.layerMap().nodes();
        double[] hNodes = new double[nodeEtas.length];
        net.metric().values(run.params(), net.metricOffset(), hNodes);
        for (int i = 0; i < nodeEtas.length; i++) {
            rows.put(nodeEtas[i], hNodes[i]);
        }
        for (int i = 0; i < layerEtas.length; i++) {
            rows.put(layerEtas[i], h[i]); // the layer values as exported win over a node at the same place
        }
        String source = runDir.resolve(RunDirectory.RESULT).toString();
        for (double v : rows.values()) {
            if (!Double.isFinite(v)) {
                throw new DataFormatException(source, 0, "the run's metric is not finite (a diverged run?): it cannot start another");
            }
        }
        double[] eta = rows.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] values = rows.values().stream().mapToDouble(Double::doubleValue).toArray();
        return spanning(new TabulatedMetric(eta, values), source, grid, nodes);
    }

    private static TabulatedMetric spanning(TabulatedMetric m, String source, RadialGrid grid, double[] nodes) {
        if (!m.spans(nodes) || !m.spans(grid.layerEtas())) {
            double lo = Math.min(Arrays.stream(nodes).min().orElse(Double.POSITIVE_INFINITY),
                    Arrays.stream(grid.layerEtas()).min().orElse(Double.POSITIVE_INFINITY));
            double hi = Math.max(Arrays.stream(nodes).max().orElse(Double.NEGATIVE_INFINITY),
                    Arrays.stream(grid.layerEtas()).max().orElse(Double.NEGATIVE_INFINITY));
            throw new DataFormatException(source, 0, String.format(Locale.ROOT,
                    "the table runs over eta in [%s, %s] but the network reads h over [%s, %s] (its layers and the layer"
                            + " map's nodes): it must span them", m.etaMin(), m.etaMax(), lo, hi));
        }
        return m;
    }
}
