package org.holo.train.observable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.data.NumericTable;
import org.holo.core.observable.CondensateCurve;
import org.holo.train.config.DataConfig;
import org.holo.train.data.DataSources;
import org.holo.train.run.FinishedRun;

/**
 * The chiral condensate curve ⟨q̄q⟩(m_q) of a trained QCD run (physics.md §7): for each quark mass, every condensate
 * at which the trained network satisfies the horizon condition F = 0, found by {@link CondensateCurve}; and, for the
 * lattice points, how far each lies from the nearest predicted root.
 */
public final class ChiralCondensate implements Observable {

    public static final String NAME = "condensate";
    /** m_q_GeV,condensate_GeV3,branch: the predicted curve. */
    public static final String CURVE = "condensate.csv";
    /** The lattice points against the prediction. */
    public static final String LATTICE = "condensate-lattice.csv";
    /** The summary, with units. */
    public static final String SUMMARY = "condensate.json";

    /** Default number of steps of the quark-mass scan over the run's data.mqRange_GeV. */
    public static final int MQ_STEPS = 110;
    /** Default number of steps of the condensate scan in which roots of F are bracketed. */
    public static final int CONDENSATE_STEPS = 2400;
    /** Quark mass (GeV) and condensate (GeV³) ranges when the run has no band data and no lattice points to size them. */
    static final double FALLBACK_MQ_MAX = 0.022;
    static final double FALLBACK_CONDENSATE_MAX = 0.11;

    /**
     * What to scan and compare with; a null member takes its default: the run's data.mqRange_GeV in {@value #MQ_STEPS}
     * steps, the run's data.condensateRange_GeV3 with its upper end raised by half the width in
     * {@value #CONDENSATE_STEPS} steps, and the run's data.dataset as the lattice points.
     */
    public record Options(ScanGrid mq, ScanGrid condensate, Path lattice) {

        public static Options defaults() {
            return new Options(null, null, null);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "chiral condensate <qbar q>(m_q): the roots of the trained horizon value F, against the lattice points";
    }

    @Override
    public List<String> files() {
        return List.of(CURVE, LATTICE, SUMMARY);
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("mq", "quark masses in GeV, FROM:TO:STEPS");
        o.put("condensate", "grid of <qbar q> in GeV^3 scanned for roots, FROM:TO:STEPS");
        o.put("lattice", "CSV of points m_q_GeV,condensate_GeV3 to compare with");
        return o;
    }

    @Override
    public CondensatePrediction compute(FinishedRun run, Map<String, String> options) throws IOException {
        checkOptions(options);
        String mq = options.get("mq");
        String condensate = options.get("condensate");
        String lattice = options.get("lattice");
        return compute(run, new Options(mq == null ? null : ScanGrid.parse("mq", mq),
                condensate == null ? null : ScanGrid.parse("condensate", condensate), lattice == null ? null : Path.of(lattice)));
    }

    /** The condensate curve of a finished QCD run. */
    public static CondensatePrediction compute(FinishedRun run, Options options) throws IOException {
        String boundary = run.config().model.boundary.type;
        if (!"qcd".equals(boundary)) {
            throw new IllegalArgumentException(run.dir() + ": the condensate curve needs a QCD run (model.boundary.type = qcd),"
                    + " this run has '" + boundary + "'");
        }
        CondensateCurve curve = new CondensateCurve(run.network(), run.params());
        DataConfig.Band band = run.config().data instanceof DataConfig.Band b ? b : null;

        Path latticeFile = options.lattice() != null ? options.lattice()
                : band != null ? run.dir().resolve(band.dataset).normalize() : null;
        NumericTable points = latticeFile == null ? null : DataSources.readTable(latticeFile, DataSources.QCD_POINT_COLUMNS);

        double[] mqRange = band != null ? band.mqRange_GeV : new double[] {0.0, maxOr(points, "m_q_GeV", FALLBACK_MQ_MAX)};
        ScanGrid mqGrid = options.mq() != null ? options.mq() : new ScanGrid(mqRange[0], mqRange[1], MQ_STEPS);
        if (mqGrid.from() < 0) {
            throw new IllegalArgumentException("mq: quark masses must not be negative, got FROM = " + mqGrid.from());
        }
        double[] sRange = band != null ? band.condensateRange_GeV3
                : new double[] {0.0, maxOr(points, "condensate_GeV3", FALLBACK_CONDENSATE_MAX)};
        ScanGrid sGrid = options.condensate() != null ? options.condensate()
                : new ScanGrid(sRange[0], sRange[1] + 0.5 * (sRange[1] - sRange[0]), CONDENSATE_STEPS);
        double[] sigmas = sGrid.values();

        List<CondensateCurve.Point> predicted = curve.curve(mqGrid.values(), sigmas);
        LatticeComparison comparison = null;
        if (points != null) {
            double[] m = points.column("m_q_GeV");
            double[] s = points.column("condensate_GeV3");
            List<CondensateCurve.Residual> residuals = new ArrayList<>();
            for (int i = 0; i < m.length; i++) {
                residuals.add(curve.residual(m[i], s[i], sigmas));
            }
            comparison = new LatticeComparison(latticeFile.toAbsolutePath().normalize(),
                    band != null ? band.noiseStd_GeV3 : Double.NaN, residuals);
        }
        return new CondensatePrediction(RunOrigin.of(run), run.radius(), run.network().lambda(run.params()),
                run.config().model.horizon.type, mqGrid, sGrid, predicted, comparison);
    }

    /** 1.1 × the largest value of the column, or {@code fallback} without points or positive values. */
    private static double maxOr(NumericTable t, String column, double fallback) {
        if (t == null || t.rows() == 0) {
            return fallback;
        }
        double m = 0.0;
        for (double v : t.column(column)) {
            m = Math.max(m, v);
        }
        return m > 0 ? 1.1 * m : fallback;
    }
}
