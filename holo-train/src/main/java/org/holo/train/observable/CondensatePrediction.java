package org.holo.train.observable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.holo.core.observable.CondensateCurve;
import org.holo.train.io.JsonNumbers;

/**
 * The condensate curve of a trained QCD run ({@link ChiralCondensate}): the predicted points, how many roots each
 * quark mass has, and the comparison with the lattice points (null without them).
 */
public record CondensatePrediction(RunOrigin origin, double radius, double lambda, String horizonCondition, ScanGrid mq,
                                   ScanGrid condensate, List<CondensateCurve.Point> curve, LatticeComparison lattice)
        implements ObservableResult {

    static final String METHOD = "roots in <qbar q> of the trained forward map's horizon value F(m_q, <qbar q>): sign changes"
            + " on the condensate grid, refined by Commons Math BracketingNthOrderBrentSolver; roots where F touches 0 without"
            + " changing sign are not found";

    /** The columns of {@link ChiralCondensate#CURVE}. */
    public static final List<String> CURVE_COLUMNS = List.of("m_q_GeV", "condensate_GeV3", "branch");
    /** The columns of {@link ChiralCondensate#LATTICE}. */
    public static final List<String> LATTICE_COLUMNS = List.of("m_q_GeV", "condensate_GeV3", "F", "network_output", "predicted_GeV3",
            "residual_GeV3");

    public CondensatePrediction {
        curve = List.copyOf(curve);
    }

    /** Roots per quark mass of the scan: the fewest, the most, and the masses without any. */
    public record RootCount(int min, int max, int massesWithoutRoot) {
    }

    public RootCount roots() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        int without = 0;
        for (double m : mq.values()) {
            long n = curve.stream().filter(p -> p.mq() == m).count();
            min = (int) Math.min(min, n);
            max = (int) Math.max(max, n);
            if (n == 0) {
                without++;
            }
        }
        return new RootCount(min, max, without);
    }

    @Override
    public Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(ChiralCondensate.CURVE, curveCsv());
        if (lattice != null) {
            f.put(ChiralCondensate.LATTICE, latticeCsv());
        }
        f.put(ChiralCondensate.SUMMARY, ObservableResult.jsonText(json()));
        return f;
    }

    /** One row per predicted point, {@link #CURVE_COLUMNS}. */
    public String curveCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", CURVE_COLUMNS)).append('\n');
        for (CondensateCurve.Point p : curve) {
            csv.append(p.mq()).append(',').append(p.sigma()).append(',').append(p.branch()).append('\n');
        }
        return csv.toString();
    }

    /** One row per lattice point, {@link #LATTICE_COLUMNS}; null without lattice points. */
    public String latticeCsv() {
        if (lattice == null) {
            return null;
        }
        StringBuilder csv = new StringBuilder(String.join(",", LATTICE_COLUMNS)).append('\n');
        for (CondensateCurve.Residual r : lattice.residuals()) {
            csv.append(r.mq()).append(',').append(r.sigma()).append(',').append(r.horizonValue()).append(',').append(r.output())
                    .append(',').append(r.nearestRoot()).append(',').append(r.residual()).append('\n');
        }
        return csv.toString();
    }

    @Override
    public ObjectNode json() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        origin.putInto(json);
        JsonNumbers.put(json, "L_GeV_inv", radius);
        JsonNumbers.put(json, "lambda", lambda);
        json.put("horizon_condition", horizonCondition);
        json.put("method", METHOD);
        json.set("mq_GeV", mq.toJson());
        json.set("condensate_scan_GeV3", condensate.toJson());
        json.put("predicted_points", curve.size());
        RootCount count = roots();
        ObjectNode roots = json.putObject("roots_per_mq");
        roots.put("min", count.min());
        roots.put("max", count.max());
        roots.put("masses_without_root", count.massesWithoutRoot());
        if (lattice != null) {
            json.set("lattice", latticeJson());
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
        ArrayNode files = json.putArray("files");
        files.add(ChiralCondensate.CURVE);
        if (lattice != null) {
            files.add(ChiralCondensate.LATTICE);
        }
        files.add(ChiralCondensate.SUMMARY);
        return json;
    }

    private ObjectNode latticeJson() {
        double noise = lattice.noiseStd();
        ArrayNode detail = JsonNodeFactory.instance.arrayNode();
        for (CondensateCurve.Residual r : lattice.residuals()) {
            ObjectNode o = detail.addObject();
            o.put("m_q_GeV", r.mq());
            o.put("condensate_GeV3", r.sigma());
            JsonNumbers.put(o, "F", r.horizonValue());
            JsonNumbers.put(o, "network_output", r.output());
            o.put("classified_positive", LatticeComparison.classifiedPositive(r));
            JsonNumbers.put(o, "predicted_GeV3", r.nearestRoot());
            JsonNumbers.put(o, "residual_GeV3", r.residual());
            JsonNumbers.put(o, "residual_over_noise_std", r.residual() / noise);
            Boolean within = lattice.withinBand(r);
            if (within != null) {
                o.put("within_band", within);
            } else {
                o.putNull("within_band");
            }
        }
        ObjectNode lat = JsonNodeFactory.instance.objectNode();
        lat.put("file", lattice.file().toString());
        lat.put("points", lattice.points());
        JsonNumbers.put(lat, "noise_std_GeV3", noise);
        lat.put("band", "within_band: |residual| <= data.noiseStd_GeV3, the standard deviation of the band sampler's xi");
        int counted = lattice.withPrediction();
        lat.put("with_prediction", counted);
        JsonNumbers.put(lat, "rms_residual_GeV3", lattice.rmsResidual());
        JsonNumbers.put(lat, "max_abs_residual_GeV3", counted > 0 ? lattice.maxAbsResidual() : Double.NaN);
        if (!Double.isNaN(noise)) {
            lat.put("within_band", lattice.withinBand());
        }
        lat.put("classified_positive", lattice.classifiedPositive());
        lat.set("points_detail", detail);
        return lat;
    }

    @Override
    public String summary() {
        RootCount count = roots();
        String latticeSummary = "";
        if (lattice != null) {
            double noise = lattice.noiseStd();
            latticeSummary = String.format(Locale.ROOT, "; %d lattice points: rms residual %.4g GeV^3, max %.4g GeV^3%s, %d classified positive",
                    lattice.points(), lattice.rmsResidual(), lattice.maxAbsResidual(),
                    Double.isNaN(noise) ? "" : String.format(Locale.ROOT, ", %d within the band std %.4g", lattice.withinBand(), noise),
                    lattice.classifiedPositive());
        }
        return String.format(Locale.ROOT, "%s: %d predicted points for %d quark masses (%d..%d roots each, %d without)%s",
                origin.experiment(), curve.size(), mq.steps() + 1, count.min(), count.max(), count.massesWithoutRoot(),
                latticeSummary);
    }
}
