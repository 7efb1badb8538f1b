package org.holo.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.Metric;
import org.holo.train.config.DataConfig;
import org.holo.train.run.FinishedRun;
import org.holo.train.ensemble.MetricBand;
import org.holo.train.data.MetricTables;
import org.holo.train.run.SensitivityProfile;

/**
 * What a run exports and plots: the tables (metric, history, scalars and, when the experiment knows it, the
 * true metric), where they come from, and notes about values that could not be used. Built from a single run
 * by {@link #of(FinishedRun)}; an ensemble adds its band with {@link #withBand(MetricBand)}.
 */
public final class RunReport {

    public static final String METRIC = "metric";
    public static final String HISTORY = "history";
    public static final String SCALARS = "scalars";
    public static final String METRIC_TRUE = "metric_true";
    public static final String BAND_TABLE = "metric_band";
    public static final String SENSITIVITY = "sensitivity";
    /** δh_i conditional on every other layer ({@link org.holo.train.run.ResultFields#H_CONDITIONAL_RESOLUTION}). */
    public static final String H_CONDITIONAL_RESOLUTION = org.holo.train.run.ResultFields.H_CONDITIONAL_RESOLUTION;
    public static final String ETA_UNIT = "1 (units of the AdS radius)";
    /** Points of the smooth true-metric curve. */
    static final int TRUE_POINTS = 400;

    private final ObjectNode source;
    private final String title;
    private final int dimension;
    private final Table metric;
    private final Table history;
    private final Table scalars;
    private final Table trueMetric;
    private final String trueMetricName;
    private final MetricBand band;
    private final List<Table> modes;
    private final List<String> notes;

    RunReport(ObjectNode source, String title, int dimension, Table metric, Table history, Table scalars,
              Table trueMetric, String trueMetricName, MetricBand band, List<Table> modes, List<String> notes) {
        this.source = source;
        this.title = title;
        this.dimension = dimension;
        this.metric = metric;
        this.history = history;
        this.scalars = scalars;
        this.trueMetric = trueMetric;
        this.trueMetricName = trueMetricName;
        this.band = band;
        this.modes = List.copyOf(modes);
        this.notes = new ArrayList<>(notes);
    }

    public static RunReport of(FinishedRun run) {
        List<String> notes = new ArrayList<>(run.notes());
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.put("run_dir", run.dir().toAbsolutePath().normalize().toString());
        source.put("experiment", run.config().name);
        source.put("seed", run.config().training.seed);
        source.put("converged", run.converged());
        if (run.reason() != null) {
            source.put("reason", run.reason());
        }
        source.put("converged_loss", run.config().training.convergedLoss);
        source.put("files", "config.json, result.json, metrics.jsonl");
        String title = run.config().name + " seed " + run.config().training.seed + (run.converged() ? "" : " (NOT converged)");

        double[] eta = run.eta();
        double[] h = run.h();
        List<Column> mc = new ArrayList<>(List.of(
                new Column("eta", "radial coordinate eta_i = eta_ini + i*deta of layer i", ETA_UNIT, eta),
                new Column("h", "learned metric h(eta_i) = d/deta log sqrt(f g^(d-1)), the weight of layer i", "1", h)));
        if (run.sensitivity() != null) {
            mc.addAll(sensitivityColumns(run.sensitivity()));
        }
        mc.add(new Column("W", "volume factor W = sqrt(f g^(d-1)) normalised to W(eta_ini) = 1: exp of the trapezoid"
                + " integral of h from eta_ini to eta_i over the layer positions", "1", VolumeFactor.normalised(eta, h)));
        Table metric = new Table(METRIC, "the learned emergent metric, one row per layer from the boundary (eta_ini) to the"
                + " last layer (eta_fin - deta)", mc);

        List<Column> sc = new ArrayList<>();
        if (run.hasRadius()) {
            double l = run.radius();
            sc.add(new Column("L_GeV_inv", "AdS radius L (learned)", "GeV^-1", new double[] {l}));
            sc.add(new Column("inverse_L_MeV", "1/L = 1000/L_GeV_inv", "MeV", new double[] {1000.0 / l}));
        }
        sc.add(new Column("lambda", "quartic coupling lambda of V = lambda phi^4 / 4"
                + (run.config().model.lambda.trainable ? " (learned)" : " (fixed)"), "1", new double[] {run.lambda()}));
        Table scalars = new Table(SCALARS, "the learned scalars of the run (one row)", sc);

        Table history = history(run);

        Table trueMetric = null;
        String trueName = null;
        if (run.config().data instanceof DataConfig.FromMetric) {
            DataConfig.FromMetric f = (DataConfig.FromMetric) run.config().data;
            trueName = f.metric;
            try {
                Metric exact = DataConfig.FromMetric.TABLE.equals(f.metric)
                        ? MetricTables.read(run.dir().resolve(f.table), run.network().grid(), run.network().layerMap().nodes())
                        : AnalyticMetrics.byName(trueName, run.config().model.dimension);
                if (DataConfig.FromMetric.TABLE.equals(f.metric)) {
                    trueName = "table " + java.nio.file.Path.of(f.table).getFileName();
                }
                trueMetric = trueMetric(exact, trueName, run.network().grid().etaIni(), run.network().grid().etaFin());
            } catch (IllegalArgumentException | java.io.IOException e) {
                notes.add("true metric '" + trueName + "' unknown: not drawn (" + e.getMessage() + ")");
                trueName = null;
            }
        }
        List<Table> modes = ModesReport.tables(run.dir(), notes);
        return new RunReport(source, title, run.config().model.dimension, metric, history, scalars, trueMetric, trueName,
                null, modes, notes);
    }

    /** The sensitivity profile G_i and the resolution of h derived from it (docs/run-directory.md). */
    static List<Column> sensitivityColumns(double[] g) {
        double shift = SensitivityProfile.OUTPUT_SHIFT;
        return List.of(
                new Column(SENSITIVITY, "sensitivity of the outputs to h at layer i alone: (1/n) sum_b (dt_b/dh_i)^2 over"
                        + " the training data at the final parameters (Gauss-Newton diagonal of the data term)", "1", g),
                new Column(H_CONDITIONAL_RESOLUTION, shift + "/sqrt(sensitivity): the change of h at layer i alone, every"
                        + " other layer held (conditional: joint directions are the metric modes, modes.csv), that moves the outputs"
                        + " by " + shift + " rms; Infinity in text tables (null in JSON) where sensitivity = 0, i.e. the"
                        + " data do not constrain h_i", "1", SensitivityProfile.resolution(g)));
    }

    /** The exact metric on a fine grid from η_ini to η_fin, with W by the trapezoid rule on that grid. */
    static Table trueMetric(Metric m, String name, double etaIni, double etaFin) {
        double[] eta = new double[TRUE_POINTS];
        for (int i = 0; i < TRUE_POINTS; i++) {
            eta[i] = i == TRUE_POINTS - 1 ? etaFin : etaIni + i * (etaFin - etaIni) / (TRUE_POINTS - 1);
        }
        double[] h = m.sample(eta);
        return new Table(METRIC_TRUE, "the exact metric the training data were labelled with (" + name + "), on "
                + TRUE_POINTS + " points from eta_ini to eta_fin", List.of(
                new Column("eta", "radial coordinate eta", ETA_UNIT, eta),
                new Column("h", "exact metric h(eta) (" + name + ")", "1", h),
                new Column("W", "exact volume factor normalised to W(eta_ini) = 1 (trapezoid rule on this fine grid)", "1",
                        VolumeFactor.normalised(eta, h))));
    }

    private static Table history(FinishedRun run) {
        List<JsonNode> lines = run.history();
        int n = lines.size();
        boolean hasL = run.hasRadius();
        String[] names = hasL
                ? new String[] {"epoch", "step", "loss", "data_loss", "regularisation", "L", "lambda"}
                : new String[] {"epoch", "step", "loss", "data_loss", "regularisation", "lambda"};
        double[][] v = new double[names.length][n];
        for (int r = 0; r < n; r++) {
            JsonNode line = lines.get(r);
            for (int c = 0; c < names.length; c++) {
                JsonNode x = line.get(names[c]);
                v[c][r] = x != null && x.isNumber() ? x.asDouble() : Double.NaN;
            }
        }
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            cols.add(historyColumn(names[c], v[c]));
        }
        return new Table(HISTORY, "training history from metrics.jsonl, one row per epoch", cols);
    }

    private static Column historyColumn(String name, double[] v) {
        switch (name) {
            case "epoch":
                return new Column(name, "epoch number (1-based)", "1", v);
            case "step":
                return new Column(name, "optimiser steps so far", "1", v);
            case "loss":
                return new Column(name, "mean mini-batch loss of the epoch (data + regularisation)", "1", v);
            case "data_loss":
                return new Column(name, "data part of the loss", "1", v);
            case "regularisation":
                return new Column(name, "regularisation part of the loss", "1", v);
            case "L":
                return new Column(name, "AdS radius L at the end of the epoch", "GeV^-1", v);
            default:
                return new Column(name, "quartic coupling lambda at the end of the epoch", "1", v);
        }
    }

    /** The same report with an ensemble band (h over the members) added to the export and the h(η) plot. */
    public RunReport withBand(MetricBand b) {
        return new RunReport(source, title, dimension, metric, history, scalars, trueMetric, trueMetricName, b, modes, notes);
    }

    /**
     * The tables in export order: metric, history, scalars, then metric_true and metric_band when present, then modes
     * and spectrum when the run has modes.json.
     */
    public List<Table> tables() {
        List<Table> t = new ArrayList<>(List.of(metric, history, scalars));
        if (trueMetric != null) {
            t.add(trueMetric);
        }
        if (band != null) {
            t.add(bandTable(band));
        }
        t.addAll(modes);
        return t;
    }

    public ObjectNode source() {
        return source.deepCopy();
    }

    public String title() {
        return title;
    }

    public int dimension() {
        return dimension;
    }

    public Table metric() {
        return metric;
    }

    public Table history() {
        return history;
    }

    public Table scalars() {
        return scalars;
    }

    /** The exact metric when the data were labelled with one (data.source = metric), else null. */
    public Table trueMetric() {
        return trueMetric;
    }

    public String trueMetricName() {
        return trueMetricName;
    }

    /** Whether λ was trained (else it is fixed at model.lambda.initial). */
    public boolean lambdaTrained() {
        return !scalars.describe("lambda").quantity().contains("(fixed)");
    }

    /** The band as the table {@value #BAND_TABLE}: eta, h_mean, h_std, h_q16, h_median, h_q84. */
    static Table bandTable(MetricBand b) {
        String of = " of h over the " + b.members() + " ensemble members";
        List<String> c = MetricBand.COLUMNS;
        return new Table(BAND_TABLE, "ensemble band of the emergent metric h(eta), one row per layer (boundary -> horizon)",
                List.of(new Column(c.get(0), "radial coordinate eta of layer i", ETA_UNIT, b.eta()),
                        new Column(c.get(1), "mean" + of, "1", b.mean()),
                        new Column(c.get(2), "standard deviation" + of, "1", b.std()),
                        new Column(c.get(3), "16% quantile" + of, "1", b.q16()),
                        new Column(c.get(4), "median" + of, "1", b.median()),
                        new Column(c.get(5), "84% quantile" + of, "1", b.q84())));
    }

    /** The ensemble band, or null for a single run. */
    public MetricBand band() {
        return band;
    }

    /** Values that could not be used, and why. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    void note(String s) {
        notes.add(s);
    }
}
