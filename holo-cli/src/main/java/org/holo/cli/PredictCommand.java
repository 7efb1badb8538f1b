package org.holo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.holo.core.data.NumericTable;
import org.holo.core.observable.CondensateCurve;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.DataConfig;
import org.holo.train.data.DataSources;
import org.holo.train.io.AtomicFiles;
import org.holo.train.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict the chiral condensate curve <qbar q>(m_q) of a trained QCD run.",
            "For each quark mass: every condensate at which the trained network satisfies",
            "the horizon condition F = 0 (sign changes of F on a grid of <qbar q>, refined",
            "by a Brent solver). Writes into --out:",
            "  condensate.csv          m_q_GeV,condensate_GeV3,branch",
            "                          (branch = index of the root for that m_q)",
            "  condensate-lattice.csv  the data points against the prediction: F, the",
            "                          network output t(F), nearest root, residual",
            "  condensate.json         summary, with units"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "2:bad usage, not a QCD run, bad run directory or data", "4:I/O failure"})
final class PredictCommand implements Callable<Integer> {

    static final String CURVE = "condensate.csv";
    static final String LATTICE = "condensate-lattice.csv";
    static final String SUMMARY = "condensate.json";

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run directory (holo train --out).")
    Path run;

    @Option(names = "--mq", paramLabel = "FROM:TO:STEPS",
            description = "Quark masses in GeV, STEPS equal steps from FROM to TO (default: the run's data.mqRange_GeV, 110 steps).")
    String mq;

    @Option(names = "--condensate", paramLabel = "FROM:TO:STEPS",
            description = "Grid of <qbar q> in GeV^3 scanned for roots (default: the run's data.condensateRange_GeV3 with its"
                    + " upper end raised by half the width, 2400 steps).")
    String condensate;

    @Option(names = "--lattice", paramLabel = "FILE.csv",
            description = "Points m_q_GeV,condensate_GeV3 to compare with (default: the run's data.dataset).")
    Path lattice;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: RUN_DIR).")
    Path out;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        RunRecord record = RunRecord.read(run);
        if (!"qcd".equals(record.config().model.boundary.type)) {
            throw new IllegalArgumentException(run + ": predict needs a QCD run (model.boundary.type = qcd), this run has '"
                    + record.config().model.boundary.type + "'");
        }
        CondensateCurve curve = new CondensateCurve(record.network(), record.params());
        DataConfig data = record.config().data;
        DataConfig.Band band = data instanceof DataConfig.Band ? (DataConfig.Band) data : null;

        Path latticeFile = lattice != null ? lattice : band != null ? record.dir().resolve(band.dataset).normalize() : null;
        NumericTable points = latticeFile == null ? null : DataSources.readTable(latticeFile, DataSources.QCD_POINT_COLUMNS);

        double[] mqRange = band != null ? band.mqRange_GeV : new double[] {0.0, maxOr(points, "m_q_GeV", 0.022)};
        Grid mqGrid = mq != null ? Grid.parse("--mq", mq) : new Grid(mqRange[0], mqRange[1], 110);
        if (mqGrid.from < 0) {
            throw new IllegalArgumentException("--mq: quark masses must not be negative, got FROM = " + mqGrid.from);
        }
        double[] sRange = band != null ? band.condensateRange_GeV3 : new double[] {0.0, maxOr(points, "condensate_GeV3", 0.11)};
        Grid sGrid = condensate != null ? Grid.parse("--condensate", condensate)
                : new Grid(sRange[0], sRange[1] + 0.5 * (sRange[1] - sRange[0]), 2400);
        double[] mqs = mqGrid.values();
        double[] sigmas = sGrid.values();

        List<CondensateCurve.Point> predicted = curve.curve(mqs, sigmas);
        StringBuilder csv = new StringBuilder("m_q_GeV,condensate_GeV3,branch\n");
        for (CondensateCurve.Point p : predicted) {
            csv.append(p.mq()).append(',').append(p.sigma()).append(',').append(p.branch()).append('\n');
        }
        int minRoots = Integer.MAX_VALUE;
        int maxRoots = 0;
        int without = 0;
        for (double m : mqs) {
            long n = predicted.stream().filter(p -> p.mq() == m).count();
            minRoots = (int) Math.min(minRoots, n);
            maxRoots = (int) Math.max(maxRoots, n);
            if (n == 0) {
                without++;
            }
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        json.put("run", record.dir().toAbsolutePath().normalize().toString());
        json.put("experiment", record.config().name);
        json.put("converged", record.converged());
        putNumber(json, "L_GeV_inv", record.radius());
        putNumber(json, "lambda", record.network().lambda(record.params()));
        json.put("horizon_condition", record.config().model.horizon);
        json.put("method", "roots in <qbar q> of the trained forward map's horizon value F(m_q, <qbar q>): sign changes on the"
                + " condensate grid, refined by Commons Math BracketingNthOrderBrentSolver; roots where F touches 0 without"
                + " changing sign are not found");
        json.set("mq_GeV", mqGrid.toJson());
        json.set("condensate_scan_GeV3", sGrid.toJson());
        json.put("predicted_points", predicted.size());
        ObjectNode roots = json.putObject("roots_per_mq");
        roots.put("min", minRoots);
        roots.put("max", maxRoots);
        roots.put("masses_without_root", without);

        double noise = band != null ? band.noiseStd_GeV3 : Double.NaN;
        String latticeSummary = "";
        StringBuilder lcsv = null;
        if (points != null) {
            lcsv = new StringBuilder("m_q_GeV,condensate_GeV3,F,network_output,predicted_GeV3,residual_GeV3\n");
            ArrayNode arr = f.arrayNode();
            double sumSq = 0.0;
            double maxAbs = 0.0;
            int counted = 0;
            int inBand = 0;
            int positive = 0;
            double[] m = points.column("m_q_GeV");
            double[] s = points.column("condensate_GeV3");
            for (int i = 0; i < m.length; i++) {
                CondensateCurve.Residual r = curve.residual(m[i], s[i], sigmas);
                lcsv.append(m[i]).append(',').append(s[i]).append(',').append(r.horizonValue()).append(',').append(r.output())
                        .append(',').append(r.nearestRoot()).append(',').append(r.residual()).append('\n');
                ObjectNode o = arr.addObject();
                o.put("m_q_GeV", m[i]);
                o.put("condensate_GeV3", s[i]);
                putNumber(o, "F", r.horizonValue());
                putNumber(o, "network_output", r.output());
                o.put("classified_positive", r.output() < 0.5);
                putNumber(o, "predicted_GeV3", r.nearestRoot());
                putNumber(o, "residual_GeV3", r.residual());
                putNumber(o, "residual_over_noise_std", r.residual() / noise);
                if (!Double.isNaN(noise) && !Double.isNaN(r.residual())) {
                    o.put("within_band", Math.abs(r.residual()) <= noise);
                } else {
                    o.putNull("within_band");
                }
                if (r.output() < 0.5) {
                    positive++;
                }
                if (!Double.isNaN(r.residual())) {
                    counted++;
                    sumSq += r.residual() * r.residual();
                    maxAbs = Math.max(maxAbs, Math.abs(r.residual()));
                    if (Math.abs(r.residual()) <= noise) {
                        inBand++;
                    }
                }
            }
            ObjectNode lat = json.putObject("lattice");
            lat.put("file", latticeFile.toAbsolutePath().normalize().toString());
            lat.put("points", m.length);
            putNumber(lat, "noise_std_GeV3", noise);
            lat.put("band", "within_band: |residual| <= data.noiseStd_GeV3, the standard deviation of the band sampler's xi");
            lat.put("with_prediction", counted);
            putNumber(lat, "rms_residual_GeV3", counted > 0 ? Math.sqrt(sumSq / counted) : Double.NaN);
            putNumber(lat, "max_abs_residual_GeV3", counted > 0 ? maxAbs : Double.NaN);
            if (!Double.isNaN(noise)) {
                lat.put("within_band", inBand);
            }
            lat.put("classified_positive", positive);
            lat.set("points_detail", arr);
            latticeSummary = String.format(Locale.ROOT, "; %d lattice points: rms residual %.4g GeV^3, max %.4g GeV^3%s, %d classified positive",
                    m.length, counted > 0 ? Math.sqrt(sumSq / counted) : Double.NaN, maxAbs,
                    Double.isNaN(noise) ? "" : String.format(Locale.ROOT, ", %d within the band std %.4g", inBand, noise), positive);
        } else {
            json.putNull("lattice");
        }
        ObjectNode units = json.putObject("units");
        units.put("m_q_GeV", "GeV");
        units.put("condensate_GeV3", "GeV^3 (<qbar q>)");
        units.put("predicted_GeV3", "GeV^3");
        units.put("residual_GeV3", "GeV^3 (data minus nearest predicted root at the same m_q)");
        units.put("F", "horizon value of the output layer (pi(eta_fin) or the regularity condition), dimensionless");
        units.put("network_output", "t(F), 0 = satisfies the horizon condition, 1 = does not");
        units.put("L_GeV_inv", "GeV^-1");
        units.put("branch", "index of the root for that m_q, 0 = smallest <qbar q>");

        Path dir = out != null ? out : record.dir();
        AtomicFiles.write(dir.resolve(CURVE), csv.toString());
        ArrayNode files = json.putArray("files");
        files.add(CURVE);
        if (lcsv != null) {
            AtomicFiles.write(dir.resolve(LATTICE), lcsv.toString());
            files.add(LATTICE);
        }
        files.add(SUMMARY);
        AtomicFiles.write(dir.resolve(SUMMARY), ConfigLoader.mapper().writeValueAsString(json) + "\n");

        if (!record.converged()) {
            JsonNode reason = record.result().get("reason");
            System.err.println("holo: warning: " + run + " did not converge" + (reason != null ? " (" + reason.asText() + ")" : "")
                    + "; this is the prediction of an unconverged network");
        }
        System.err.println(String.format(Locale.ROOT, "%s: %d predicted points for %d quark masses (%d..%d roots each, %d without)%s",
                record.config().name, predicted.size(), mqs.length, minRoots, maxRoots, without, latticeSummary));
        System.err.println("wrote " + dir.resolve(CURVE) + (lcsv != null ? ", " + LATTICE : "") + ", " + SUMMARY);
        return ExitCodes.OK;
    }

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

    static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** FROM:TO:STEPS, STEPS + 1 evenly spaced values. */
    record Grid(double from, double to, int steps) {

        static Grid parse(String option, String spec) {
            String[] parts = spec.split(":", -1);
            String usage = option + " '" + spec + "': expected FROM:TO:STEPS with FROM < TO and STEPS >= 1, e.g. 0:0.022:110";
            if (parts.length != 3) {
                throw new IllegalArgumentException(usage);
            }
            double a;
            double b;
            int n;
            try {
                a = Double.parseDouble(parts[0].strip());
                b = Double.parseDouble(parts[1].strip());
                n = Integer.parseInt(parts[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(usage);
            }
            if (!Double.isFinite(a) || !Double.isFinite(b) || !(b > a) || n < 1 || n > 1_000_000) {
                throw new IllegalArgumentException(usage);
            }
            return new Grid(a, b, n);
        }

        double[] values() {
            return CondensateCurve.grid(from, to, steps);
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("from", from);
            o.put("to", to);
            o.put("steps", steps);
            return o;
        }
    }
}
