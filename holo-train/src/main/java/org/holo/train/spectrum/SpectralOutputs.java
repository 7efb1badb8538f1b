package org.holo.train.spectrum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.holo.core.spectrum.EinsteinFrame;
import org.holo.core.spectrum.MesonModel;
import org.holo.core.spectrum.MesonState;
import org.holo.core.spectrum.ReggeBaselines;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.run.ResultFields;
import org.holo.train.run.RunDirectory;

/**
 * The files a meson-spectrum run ends with (docs/run-directory.md): metrics.jsonl, result.json, and the tables
 * spectrum.csv (every state, trained and held out), geometry.csv (A, Φ, B_S, V_S along z) and ihqcd.csv (the
 * Einstein-frame quantities of physics.md §9.6). Numbers are written in Java's shortest round-trip form, so two
 * identical runs give identical bytes.
 */
public final class SpectralOutputs {

    public static final String SPECTRUM = "spectrum.csv";
    public static final String GEOMETRY = "geometry.csv";
    public static final String IHQCD = "ihqcd.csv";
    /** Points of the z tables, from z_max/GEOMETRY_POINTS to z_max. */
    public static final int GEOMETRY_POINTS = 300;
    public static final String KIND = "kind";
    public static final String STATES = "states";

    private SpectralOutputs() {
    }

    /**
     * One state's prediction: {@code role} is train or held-out; the two baselines of physics.md §9.7 (fitted to the
     * trained states) beside the model.
     */
    public record Row(MesonState state, String role, double sigma, double model, double pull, double softWall, double regge) {
    }

    /** What the CLI prints after a run. */
    public record Summary(String experiment, long seed, double loss, boolean converged, String reason, long steps,
                          double seconds, boolean diverged, List<Row> rows) {
    }

    public static Summary write(Path dir, SpectralExperiment e, SpectralRun.Outcome o) throws IOException {
        Files.createDirectories(dir);
        List<Row> rows = rows(e, o.params());
        boolean finite = Double.isFinite(o.loss());
        boolean converged = !o.diverged() && o.stopReason() == null && finite && o.loss() <= e.config().training.convergedLoss;
        String reason = converged ? null : o.stopReason() != null ? o.stopReason()
                : !finite ? "no finite final loss" : "final loss " + o.loss() + " above training.convergedLoss " + e.config().training.convergedLoss;
        AtomicFiles.write(dir.resolve(RunDirectory.METRICS), o.metricsLog());
        AtomicFiles.write(dir.resolve(SPECTRUM), spectrumCsv(rows));
        AtomicFiles.write(dir.resolve(GEOMETRY), geometryCsv(e.model(), o.params()));
        AtomicFiles.write(dir.resolve(IHQCD), ihqcdCsv(e.model(), o.params()));
        AtomicFiles.write(dir.resolve(RunDirectory.RESULT), resultJson(e, o, rows, converged, reason));
        return new Summary(e.config().name, e.config().training.seed, o.loss(), converged, reason, o.steps(), o.seconds(),
                o.diverged(), rows);
    }

    /** Every state of the experiment with the model's mass and its pull (σ_eff of physics.md §9.5). */
    public static List<Row> rows(SpectralExperiment e, double[] params) {
        Map<Integer, Integer> levels = new TreeMap<>();
        for (MesonState s : e.allStates()) {
            levels.merge(s.spin(), s.n() + 1, Math::max);
        }
        Map<Integer, MesonModel.Tower> towers = new TreeMap<>();
        boolean finite = true;
        for (double p : params) {
            finite &= Double.isFinite(p);
        }
        if (finite) {
            levels.forEach((spin, count) -> towers.put(spin, e.model().tower(params, spin, count)));
        }
        double kappa = ReggeBaselines.softWallKappa(e.trained());
        double[] abc = ReggeBaselines.linear(e.trained());
        List<Row> rows = new ArrayList<>();
        for (MesonState s : e.allStates()) {
            String role = e.trained().contains(s) ? "train" : "held-out";
            double sigma = s.effectiveSigma(e.widthFraction());
            double m = finite ? towers.get(s.spin()).mass(s.n()) : Double.NaN;
            rows.add(new Row(s, role, sigma, m, (m - s.mass()) / sigma, ReggeBaselines.softWallMass(kappa, s.spin(), s.n()),
                    abc == null ? Double.NaN : ReggeBaselines.linearMass(abc, s.spin(), s.n())));
        }
        return rows;
    }

    static String spectrumCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("state,S,n,role,m_data_GeV,sigma_GeV,m_model_GeV,pull,m_soft_wall_GeV,m_regge_GeV\n");
        for (Row r : rows) {
            sb.append(r.state().name()).append(',').append(r.state().spin()).append(',').append(r.state().n()).append(',')
                    .append(r.role()).append(',').append(r.state().mass()).append(',').append(r.sigma()).append(',')
                    .append(r.model()).append(',').append(r.pull()).append(',').append(r.softWall()).append(',')
                    .append(r.regge()).append('\n');
        }
        return sb.toString();
    }

    static double z(MesonModel m, int k) {
        return m.grid().zMax() * k / GEOMETRY_POINTS;
    }

    /** z, A, Φ, B₁, B₂, V₁, V₂ (GeV⁻¹, 1, 1, 1, 1, GeV², GeV²) of the continuum profiles. */
    static String geometryCsv(MesonModel m, double[] p) {
        StringBuilder sb = new StringBuilder("z_GeV_inv,A,Phi,B1,B2,V1_GeV2,V2_GeV2\n");
        for (int k = 1; k <= GEOMETRY_POINTS; k++) {
            double z = z(m, k);
            sb.append(z).append(',').append(m.warpFactor(p, z, 0)).append(',').append(m.dilatonField(p, z, 0)).append(',')
                    .append(m.b(p, 1, z, 0)).append(',').append(m.b(p, 2, z, 0)).append(',')
                    .append(m.potential(p, 1, z)).append(',').append(m.potential(p, 2, z)).append('\n');
        }
        return sb.toString();
    }

    /** z, A_E, Φ, R = A_E'² − A_E'' − (4/9)Φ'², V from 12A_E'² − (4/3)Φ'², V from 9A_E'² + 3A_E''. */
    static String ihqcdCsv(MesonModel m, double[] p) {
        EinsteinFrame frame = new EinsteinFrame(m, p);
        StringBuilder sb = new StringBuilder("z_GeV_inv,A_E,Phi,residual_GeV2,V_kinetic,V_curvature\n");
        for (int k = 1; k <= GEOMETRY_POINTS; k++) {
            EinsteinFrame.Point q = frame.at(z(m, k));
            sb.append(q.z()).append(',').append(q.warpE()).append(',').append(q.dilaton()).append(',').append(q.residual())
                    .append(',').append(q.potentialKinetic()).append(',').append(q.potentialCurvature()).append('\n');
        }
        return sb.toString();
    }

    static String resultJson(SpectralExperiment e, SpectralRun.Outcome o, List<Row> rows, boolean converged, String reason) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put(ResultFields.EXPERIMENT, e.config().name);
        r.put(KIND, SpectralConfig.KIND);
        r.put(ResultFields.SEED, e.config().training.seed);
        r.put(ResultFields.BACKEND, "cpu");
        number(r, ResultFields.LOSS, o.loss());
        number(r, ResultFields.DATA_LOSS, o.dataLoss());
        number(r, ResultFields.REGULARISATION, o.regularisation());
        r.put(ResultFields.CONVERGED, converged);
        if (reason != null) {
            r.put(ResultFields.REASON, reason);
        }
        r.put(ResultFields.STEPS, o.steps());
        r.put(ResultFields.EPOCHS, o.epochs());
        r.put(ResultFields.SECONDS, o.seconds());
        r.put(ResultFields.MICROSECONDS_PER_STEP, o.sessionSteps() > 0 ? o.seconds() * 1e6 / o.sessionSteps() : 0.0);
        ObjectNode params = r.putObject(ResultFields.PARAMETERS);
        for (var b : e.layout().blocks()) {
            ArrayNode a = params.putArray(b.name());
            for (int i = 0; i < b.size(); i++) {
                number(a, o.params()[b.offset() + i]);
            }
        }
        ArrayNode states = r.putArray(STATES);
        for (Row row : rows) {
            ObjectNode s = states.addObject();
            s.put("state", row.state().name());
            s.put("S", row.state().spin());
            s.put("n", row.state().n());
            s.put("role", row.role());
            s.put("m_data_GeV", row.state().mass());
            s.put("sigma_GeV", row.sigma());
            number(s, "m_model_GeV", row.model());
            number(s, "pull", row.pull());
            number(s, "m_soft_wall_GeV", row.softWall());
            number(s, "m_regge_GeV", row.regge());
        }
        ObjectNode baselines = r.putObject("baselines");
        baselines.put("fit", "unweighted least squares in m^2 over the trained states");
        baselines.put("soft_wall_kappa_GeV", ReggeBaselines.softWallKappa(e.trained()));
        double[] abc = ReggeBaselines.linear(e.trained());
        if (abc != null) {
            ObjectNode regge = baselines.putObject("regge_GeV2");
            regge.put("a", abc[0]);
            regge.put("b", abc[1]);
            regge.put("c", abc[2]);
        }
        try {
            return ConfigLoader.mapper().writeValueAsString(r) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise result", ex);
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
