package org.holo.train.modes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.holo.core.data.LabelledData;
import org.holo.core.loss.Regulariser;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.modes.MetricModes;
import org.holo.core.modes.OutputJacobian;
import org.holo.train.Experiment;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.io.AtomicFiles;
import org.holo.train.io.JsonNumbers;
import org.holo.train.run.FinishedRun;
import org.holo.train.run.Provenance;

/**
 * The metric modes of a run (physics.md §5.5) at its final parameters over its whole training data: modes.json (the
 * spectrum, the determined count, every mode) and modes.csv (η and the h part of every mode, largest eigenvalue
 * first). The data curvature is A = 2G, G = (1/n) Σ_b J_bᵀ J_b: the exact Gauss–Newton Hessian of the mean squared
 * error; the paper's L1² has no curvature at its kink and is given the same 2G (a convention, stated in the file).
 * The regularisers' curvature B is their Hessian in the same coordinates (exact: they are quadratic in h).
 */
public final class RunModes {

    public static final String JSON = "modes.json";
    public static final String CSV = "modes.csv";
    /** The curvature of the data term per unit of squared output change: 2, the mean squared error's. */
    public static final double LOSS_CURVATURE = 2.0;
    /** Relative size (of the largest) above which an eigenvalue of G counts towards the rank of the data. */
    public static final double RANK_TOLERANCE = 1e-10;

    public static final String DEFINITION = "J_b = dt_b/dtheta at the final parameters, theta = (h at the layers, then L"
            + " and lambda where trained; a change of h_i spread to the layer map's nodes by the per-layer interpolation);"
            + " G = (1/n) sum_b J_b^T J_b over the n training points in their stored order (gauss_newton_eigenvalues,"
            + " modes: its eigenvectors, unit length, largest component positive). Data curvature A = 2 G (exact"
            + " Gauss-Newton Hessian of the mean squared error; the same convention for l1-squared, which has no curvature"
            + " at its kink); prior curvature B = Hessian of the boundary and smoothness regularisers in theta (zero for L"
            + " and lambda). generalised_eigenvalues mu of A v = mu B v (null: infinite, data curve a direction the"
            + " regularisers leave flat); determined = #(mu > 1), the directions the data fix against the regularisers;"
            + " effective_parameters = sum mu/(1+mu). data_rank = #(eigenvalues of G > " + RANK_TOLERANCE + " x the largest).";

    private RunModes() {
    }

    /** A run's modes with what they were computed from. */
    public record Computed(double[] eta, int samples, String loss, MetricModes modes, double[][] gaussNewton, double[][] prior) {

        /** #(eigenvalues of G above {@link #RANK_TOLERANCE} × the largest). */
        public int dataRank() {
            double[] ev = modes.eigenvalues();
            int r = 0;
            for (double v : ev) {
                if (v > RANK_TOLERANCE * ev[0]) {
                    r++;
                }
            }
            return r;
        }
    }

    /** Whether {@code file} is one of the two modes files. */
    public static boolean isModesFile(String file) {
        return JSON.equals(file) || CSV.equals(file);
    }

    /** The modes of {@code network} at {@code params} over {@code data}, against the regularisers of {@code config}. */
    public static Computed compute(ExperimentConfig config, HolographicNetwork network, double[] params, LabelledData data) {
        return compute(config, network, params, data, true);
    }

    /** As {@link #compute}; without {@code scalars} the coordinates are h at the layers alone (L and λ held). */
    public static Computed compute(ExperimentConfig config, HolographicNetwork network, double[] params, LabelledData data,
                                   boolean scalars) {
        Computed c = computeIfFinite(config, network, params, data, scalars);
        if (c == null) {
            throw new IllegalArgumentException("the network's outputs or their derivatives are not finite at the run's"
                    + " final parameters (a diverged run?): it has no metric modes");
        }
        return c;
    }

    /** As {@link #compute}, or null where the parameters or the Gauss–Newton matrix are not finite (a diverged run). */
    public static Computed computeIfFinite(ExperimentConfig config, HolographicNetwork network, double[] params, LabelledData data) {
        return computeIfFinite(config, network, params, data, true);
    }

    private static Computed computeIfFinite(ExperimentConfig config, HolographicNetwork network, double[] params,
                                            LabelledData data, boolean scalars) {
        for (double p : params) {
            if (!Double.isFinite(p)) {
                return null;
            }
        }
        OutputJacobian jac = scalars ? new OutputJacobian(network, params) : new OutputJacobian(network, params, false, false);
        double[][] g = jac.gaussNewton(data);
        for (double[] row : g) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return null;
                }
            }
        }
        double[][] b = priorCurvature(config, network, jac.size());
        return new Computed(network.grid().layerEtas(), data.size(), config.training.loss.type,
                MetricModes.of(jac.coordinates(), g, LOSS_CURVATURE, b), g, b);
    }

    /**
     * The Hessian of the training section's regularisers in the coordinates (h at the layers, then L, λ): they act on
     * h at the layers (for c/η + r on r, whose Hessian in h is the same: c/η is fixed there), so they are built on
     * per-layer weights; quadratic, so a central difference of their gradient with a unit step is exact.
     */
    static double[][] priorCurvature(ExperimentConfig config, HolographicNetwork network, int size) {
        int layers = network.grid().layers();
        List<Regulariser> regs = Experiment.regularisers(config, network.grid(),
                new PerLayerMetric(network.grid(), network.layerMap().nodes()));
        double[][] b = new double[size][size];
        double[] h = new double[layers];
        double[] up = new double[layers];
        double[] down = new double[layers];
        for (int j = 0; j < layers; j++) {
            java.util.Arrays.fill(up, 0.0);
            java.util.Arrays.fill(down, 0.0);
            h[j] = 1.0;
            for (Regulariser r : regs) {
                r.evaluate(h, 0, up);
            }
            h[j] = -1.0;
            for (Regulariser r : regs) {
                r.evaluate(h, 0, down);
            }
            h[j] = 0.0;
            for (int i = 0; i < layers; i++) {
                b[i][j] = 0.5 * (up[i] - down[i]);
            }
        }
        for (int i = 0; i < layers; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (b[i][j] + b[j][i]);
                b[i][j] = s;
                b[j][i] = s;
            }
        }
        return b;
    }

    /**
     * The modes of a finished run directory (one written before they existed too): its final parameters from
     * result.json, its training data rebuilt from config.json as training built them.
     */
    public static OfRun ofRun(Path runDir) throws IOException {
        return ofRun(runDir, true);
    }

    /** As {@link #ofRun(Path)}; without {@code scalars} over h at the layers alone, L and λ held at their values. */
    public static OfRun ofRun(Path runDir, boolean scalars) throws IOException {
        FinishedRun run = FinishedRun.read(runDir);
        List<String> changed = Provenance.changedInputs(runDir);
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException(runDir + ": an input file changed since the run, so its training data cannot"
                    + " be rebuilt: " + String.join("; ", changed));
        }
        Experiment experiment = Experiment.build(run.config(), runDir.toAbsolutePath());
        return new OfRun(run.network(), run.params(), experiment.data(),
                compute(run.config(), run.network(), run.params(), experiment.data(), scalars));
    }

    /** A run's modes with the network, parameters and data they were computed at (for {@link #check}). */
    public record OfRun(HolographicNetwork network, double[] params, LabelledData data, Computed modes) {

        public Check check(double step) {
            return RunModes.check(modes, network, params, data, step);
        }
    }

    /** Writes modes.json and modes.csv into {@code dir}, each atomically; returns the two files. */
    public static List<Path> write(Path dir, Computed c) throws IOException {
        Path json = dir.resolve(JSON);
        Path csv = dir.resolve(CSV);
        AtomicFiles.write(json, json(c));
        AtomicFiles.write(csv, csv(c));
        return List.of(json, csv);
    }

    /** modes.json. */
    public static String json(Computed c) {
        MetricModes m = c.modes();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("definition", DEFINITION);
        ArrayNode coords = o.putArray("coordinates");
        m.coordinates().forEach(coords::add);
        JsonNumbers.addAll(o.putArray("eta"), c.eta());
        o.put("samples", c.samples());
        o.put("loss", c.loss());
        JsonNumbers.put(o, "loss_curvature", LOSS_CURVATURE);
        o.put("determined", m.determined());
        JsonNumbers.put(o, "effective_parameters", m.effectiveParameters());
        o.put("data_rank", c.dataRank());
        JsonNumbers.addAll(o.putArray("gauss_newton_eigenvalues"), m.eigenvalues());
        JsonNumbers.addAll(o.putArray("generalised_eigenvalues"), m.generalisedEigenvalues());
        ArrayNode modes = o.putArray("modes");
        int layers = c.eta().length;
        double[] ev = m.eigenvalues();
        for (int k = 0; k < ev.length; k++) {
            double[] v = m.mode(k);
            ObjectNode mode = modes.addObject();
            JsonNumbers.put(mode, "eigenvalue", ev[k]);
            JsonNumbers.addAll(mode.putArray("h"), java.util.Arrays.copyOf(v, layers));
            for (int i = layers; i < v.length; i++) {
                JsonNumbers.put(mode, m.coordinates().get(i), v[i]);
            }
        }
        try {
            return ConfigLoader.mapper().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise modes", e);
        }
    }

    /** modes.csv: eta, mode_1 … mode_p (the h components of each mode, largest eigenvalue first), one row per layer. */
    public static String csv(Computed c) {
        MetricModes m = c.modes();
        int p = m.coordinates().size();
        StringBuilder sb = new StringBuilder("eta");
        for (int k = 1; k <= p; k++) {
            sb.append(",mode_").append(k);
        }
        sb.append('\n');
        double[][] modes = new double[p][];
        for (int k = 0; k < p; k++) {
            modes[k] = m.mode(k);
        }
        double[] eta = c.eta();
        for (int i = 0; i < eta.length; i++) {
            sb.append(eta[i]);
            for (int k = 0; k < p; k++) {
                sb.append(',').append(modes[k][i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The counts of an independent computation, and the step and tolerances it used. */
    public record Check(int dataRank, int determined, double effectiveParameters, double step, double[] singularValues) {
    }

    /**
     * Counts the same things independently: the finite-difference Jacobian (five-point, step {@code step}) of every
     * output, its singular values σ (data rank: #(σ² > {@link #RANK_TOLERANCE} σ₁²)), and the determined count as the
     * number of positive eigenvalues of A − B with A = 2 Vᵀ diag(σ²/n) V from that SVD (Sylvester's law of inertia:
     * #(μ &gt; 1) of the pencil), and N_eff as trace((A + B)⁺ A) from that A (no whitening).
     */
    public static Check check(Computed c, HolographicNetwork network, double[] params, LabelledData data, double step) {
        List<String> coords = c.modes().coordinates();
        OutputJacobian jac = new OutputJacobian(network, params, coords.contains("L"), coords.contains("lambda"));
        int n = data.size();
        int p = jac.size();
        double[][] j = new double[n][p];
        for (int b = 0; b < n; b++) {
            jac.finiteDifferenceRow(data.x0(b), data.x1(b), step, j[b]);
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(j, false));
        double[] s = svd.getSingularValues();
        double[][] v = svd.getV().getData();
        int rank = 0;
        for (double x : s) {
            if (x * x > RANK_TOLERANCE * s[0] * s[0]) {
                rank++;
            }
        }
        double[][] diff = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double sum = 0.0;
                for (int k = 0; k < s.length; k++) {
                    sum += v[a][k] * s[k] * s[k] * v[b][k];
                }
                diff[a][b] = LOSS_CURVATURE * sum / n - c.prior()[a][b];
            }
        }
        double[] e = new EigenDecomposition(new Array2DRowRealMatrix(diff, false)).getRealEigenvalues();
        double scale = 0.0;
        for (double x : e) {
            scale = Math.max(scale, Math.abs(x));
        }
        int positive = 0;
        for (double x : e) {
            if (x > 1e-12 * scale) {
                positive++;
            }
        }
        // N_eff by a second route: trace((A + B)^+ A) from the FD A
        double[][] sum = new double[p][p];
        double[][] a = new double[p][p];
        for (int x = 0; x < p; x++) {
            for (int y = 0; y < p; y++) {
                a[x][y] = diff[x][y] + c.prior()[x][y];
                sum[x][y] = a[x][y] + c.prior()[x][y];
            }
        }
        double effective = traceOfPseudoInverseProduct(sum, a);
        return new Check(rank, positive, effective, step, s);
    }

    private static double traceOfPseudoInverseProduct(double[][] c, double[][] a) {
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
        double[] values = e.getRealEigenvalues();
        double largest = 0.0;
        for (double x : values) {
            largest = Math.max(largest, x);
        }
        double trace = 0.0;
        for (int k = 0; k < values.length; k++) {
            if (values[k] <= MetricModes.FLAT * largest) {
                continue;
            }
            double[] u = e.getEigenvector(k).toArray();
            double uau = 0.0;
            for (int x = 0; x < u.length; x++) {
                for (int y = 0; y < u.length; y++) {
                    uau += u[x] * a[x][y] * u[y];
                }
            }
            trace += uau / values[k];
        }
        return trace;
    }
}
