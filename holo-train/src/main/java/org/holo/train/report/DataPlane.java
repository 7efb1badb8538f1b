package org.holo.train.report;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.data.NumericTable;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.Experiment;
import org.holo.train.config.DataConfig;
import org.holo.train.data.DataSources;
import org.holo.train.data.PolynomialFit;
import org.holo.train.run.FinishedRun;

/**
 * The boundary-data plane of a run, ready to draw: a subsample of the (regenerated, seeded) training data by
 * label, the dataset points and their polynomial fit for band data (QCD: m_q vs ⟨q̄q⟩ with the lattice points),
 * and the region the trained network accepts, i.e. the points of a {@value #GRID}×{@value #GRID} grid over the
 * sampling box where the output t(F) &lt; 1/2 (the net says "satisfies the horizon condition").
 * {@code outputFinite} is false when the net's output is not finite anywhere on the grid (no region drawn).
 */
public record DataPlane(String xColumn, String yColumn, String xLabel, String yLabel, double[] box,
                        double[] posX, double[] posY, int positives, double[] negX, double[] negY, int negatives,
                        double[] pointsX, double[] pointsY, double[] fitX, double[] fitY,
                        double[] acceptedX, double[] acceptedY, int gridPoints, boolean outputFinite) {

    /** Grid points per axis for the accepted region. */
    public static final int GRID = 120;
    /** At most this many points of each label are drawn. */
    public static final int MAX_POINTS = 1200;

    /**
     * Rebuilds the training data from the run's config and seed and evaluates the trained network on the grid.
     * Returns null (with a note) when the data cannot be rebuilt, e.g. a dataset file that moved.
     */
    public static DataPlane compute(FinishedRun run, List<String> notes) {
        Experiment experiment;
        try {
            experiment = Experiment.build(run.config(), run.dir().toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            notes.add("data plane not drawn: cannot rebuild the training data from config.json (" + e.getMessage() + ")");
            return null;
        }
        LabelledData data = experiment.data();
        HolographicNetwork network = run.network();
        List<String> cols = network.boundary().inputColumns();
        double[] box;
        double[] px = null;
        double[] py = null;
        double[] fx = null;
        double[] fy = null;
        DataConfig dc = run.config().data;
        if (dc instanceof DataConfig.Band) {
            DataConfig.Band b = (DataConfig.Band) dc;
            box = new double[] {b.mqRange_GeV[0], b.mqRange_GeV[1], b.condensateRange_GeV3[0], b.condensateRange_GeV3[1]};
            try {
                NumericTable t = DataSources.readTable(Paths.get(b.dataset), DataSources.QCD_POINT_COLUMNS);
                px = t.column("m_q_GeV");
                py = t.column("condensate_GeV3");
                PolynomialFit fit = PolynomialFit.fit(px, py, b.fitDegree, b.dataset);
                int n = 200;
                fx = new double[n];
                fy = new double[n];
                for (int i = 0; i < n; i++) {
                    fx[i] = box[0] + i * (box[1] - box[0]) / (n - 1);
                    fy[i] = fit.value(fx[i]);
                }
            } catch (IOException | RuntimeException e) {
                notes.add("data plane: dataset points not drawn (" + e.getMessage() + ")");
                px = null;
                py = null;
                fx = null;
                fy = null;
            }
        } else if (dc instanceof DataConfig.FromMetric) {
            DataConfig.FromMetric f = (DataConfig.FromMetric) dc;
            box = new double[] {f.phiRange[0], f.phiRange[1], f.piRange[0], f.piRange[1]};
        } else {
            box = extent(data);
        }

        int pos = data.positives();
        int neg = data.size() - pos;
        double[][] p = subsample(data, 0.0, pos);
        double[][] q = subsample(data, 1.0, neg);

        double[][] acc = accepted(network, run.params(), box);
        boolean finite = acc != null;
        if (acc == null) {
            notes.add("data plane: the trained network's output is not finite anywhere on the grid (non-finite"
                    + " parameters?): no accepted region drawn");
            acc = new double[][] {new double[0], new double[0]};
        }
        boolean qcd = dc instanceof DataConfig.Band || "m_q_GeV".equals(cols.get(0));
        String xl = qcd ? "quark mass m_q [GeV]" : cols.get(0);
        String yl = qcd ? "chiral condensate ⟨q̄q⟩ [GeV³]" : cols.get(1);
        if (!qcd && "phi".equals(cols.get(0))) {
            xl = "φ(η_ini)";
            yl = "π(η_ini) = ∂φ/∂η";
        }
        return new DataPlane(cols.get(0), cols.get(1), xl, yl, box, p[0], p[1], pos, q[0], q[1], neg, px, py, fx, fy,
                acc[0], acc[1], GRID * GRID, finite);
    }

    private static double[] extent(LabelledData d) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < d.size(); i++) {
            b[0] = Math.min(b[0], d.x0(i));
            b[1] = Math.max(b[1], d.x0(i));
            b[2] = Math.min(b[2], d.x1(i));
            b[3] = Math.max(b[3], d.x1(i));
        }
        return b;
    }

    /** Every k-th point of a label (deterministic), at most {@link #MAX_POINTS}. */
    static double[][] subsample(LabelledData d, double label, int count) {
        int stride = Math.max(1, (count + MAX_POINTS - 1) / MAX_POINTS);
        int n = (count + stride - 1) / stride;
        double[] x = new double[n];
        double[] y = new double[n];
        int seen = 0;
        int k = 0;
        for (int i = 0; i < d.size() && k < n; i++) {
            if (d.label(i) == label) {
                if (seen % stride == 0) {
                    x[k] = d.x0(i);
                    y[k] = d.x1(i);
                    k++;
                }
                seen++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)};
    }

    /** Grid points (cell centres) where t(F) &lt; 1/2; null when the output is not finite anywhere. */
    static double[][] accepted(HolographicNetwork network, double[] params, double[] box) {
        int n = GRID * GRID;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                x0[i * GRID + j] = box[0] + (i + 0.5) * (box[1] - box[0]) / GRID;
                x1[i * GRID + j] = box[2] + (j + 0.5) * (box[3] - box[2]) / GRID;
            }
        }
        double[] f = new double[n];
        network.horizonValues(params, x0, x1, n, f, new HolographicNetwork.Workspace(network, n));
        double[] ax = new double[n];
        double[] ay = new double[n];
        int k = 0;
        int finite = 0;
        for (int i = 0; i < n; i++) {
            double t = network.output().value(f[i]);
            if (Double.isFinite(t)) {
                finite++;
                if (t < 0.5) {
                    ax[k] = x0[i];
                    ay[k] = x1[i];
                    k++;
                }
            }
        }
        if (finite == 0) {
            return null;
        }
        return new double[][] {java.util.Arrays.copyOf(ax, k), java.util.Arrays.copyOf(ay, k)};
    }

    /** Whether the dataset points (the lattice points for QCD) are there. */
    public boolean hasPoints() {
        return pointsX != null;
    }
}
