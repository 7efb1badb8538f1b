package org.holo.train.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.holo.core.RadialGrid;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.horizon.PiHorizonCondition;
import org.holo.core.horizon.RegularHorizonCondition;
import org.holo.core.layer.EulerLayerMap;
import org.holo.core.layer.Rk4LayerMap;
import org.holo.core.loss.L1SquaredLoss;
import org.holo.core.loss.MseLoss;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.metric.HorizonMetric;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.train.MachineInfo;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.loop.Backend;

/**
 * The objective of E ensemble members as one DJL tensor program in float64 on PyTorch, with an ensemble axis:
 * parameters are an (E × P) array that requires a gradient, inputs and labels (E × B); the boundary map, the N
 * layers (euler or rk4, h at the nodes from the same linear interpolation map as {@link PerLayerMetric}, applied
 * as one matrix product), the horizon condition, the bump t(F), the data loss and both regularisers are built
 * from NDArray operations, the per-member losses are summed and PyTorch's autograd returns the (E × P) gradient.
 * Members never mix: every operation is elementwise or row-wise, so each row of the gradient is that member's.
 *
 * <p>The operations follow holo-core's formulas in the same order (same products, same association), so the
 * forward values agree with the plain-Java engine to a few ulps. The bump is written as holo-core writes it,
 * tanh from one e^{−2|x|}, so that autograd's derivative keeps full relative precision in its tails (autograd of
 * torch.tanh would take 1 − tanh², which cancels there).
 *
 * <p>DJL costs a few µs per operation whatever the array size, so one step costs about the same for one member
 * or a hundred: the ensemble axis is where this backend pays off, above all on a GPU. Every step runs in its
 * own sub-manager (so no memory accumulates), and one gradient collector is open at a time in the JVM.
 */
public final class DjlBackend implements Backend {

    /** DJL's name of the PyTorch engine. */
    public static final String ENGINE = "PyTorch";
    private static final Object AUTOGRAD = new Object();

    private final Engine engine;
    private final Device device;
    private final NDManager base;
    private final Map<Double, NDArray> constants = new HashMap<>();

    private final int paramCount;
    private final int layers;
    private final int nodes;
    private final int metricOffset;
    private final int radiusOffset;
    private final int lambdaOffset;
    private final boolean rk4;
    private final double step;
    private final double m2;
    private final boolean qcd;
    private final double etaIni;
    private final double e1;
    private final double e3;
    private final double alphaPerLm;
    private final double betaPerL3s;
    private final boolean regularHorizon;
    private final double twoOverEta;
    private final double epsilon;
    private final double delta;
    private final boolean l1Squared;
    private final double boundaryCoefficient;
    private final double dimension;
    private final NDArray nodeMatrixT;    // (N × nodes): h_nodes = h · Mᵀ
    private final NDArray smoothWeights;  // (1 × N−1): c_i, i = 1 … N−1
    private final int horizonOffset;      // c of h = c/η + r, or −1 for per-layer weights
    private final NDArray inverseNodeEtas; // (1 × nodes): 1/η at the nodes, or null
    private final double inverseEta0;     // 1/η_0

    private DjlBackend(Engine engine, Device device, ExperimentConfig config, HolographicNetwork net) {
        this.engine = engine;
        this.device = device;
        ParameterLayout layout = net.layout();
        RadialGrid grid = net.grid();
        this.paramCount = layout.size();
        this.layers = grid.layers();
        this.metricOffset = layout.offsetOf(ParameterLayout.METRIC);
        this.radiusOffset = layout.offsetOf(ParameterLayout.RADIUS);
        this.lambdaOffset = layout.offsetOf(ParameterLayout.LAMBDA);
        String scheme = net.layerMap().name();
        if (!EulerLayerMap.NAME.equals(scheme) && !Rk4LayerMap.NAME.equals(scheme)) {
            throw new IllegalArgumentException("the djl backend has no layer scheme '" + scheme + "'");
        }
        this.rk4 = Rk4LayerMap.NAME.equals(scheme);
        this.step = grid.step();
        this.m2 = net.theory().massSquared();
        if (net.boundary() instanceof QcdBoundaryMap) {
            this.qcd = true;
            QcdBoundaryMap q = (QcdBoundaryMap) net.boundary();
            // the same constants as QcdBoundaryMap: alpha(1, 1) = alphaPerLm·1·1 and beta(1, 1) exactly
            this.alphaPerLm = q.alpha(1.0, 1.0);
            this.betaPerL3s = q.beta(1.0, 1.0);
        } else if (net.boundary() instanceof RawBoundaryMap) {
            this.qcd = false;
            this.alphaPerLm = Double.NaN;
            this.betaPerL3s = Double.NaN;
        } else {
            throw new IllegalArgumentException("the djl backend has no boundary map '" + net.boundary().name() + "'");
        }
        this.etaIni = grid.etaIni();
        this.e1 = StrictMath.exp(-etaIni);
        this.e3 = StrictMath.exp(-3.0 * etaIni);
        if (net.horizon() instanceof RegularHorizonCondition) {
            this.regularHorizon = true;
            this.twoOverEta = 2.0 / grid.etaFin();
        } else if (net.horizon() instanceof PiHorizonCondition) {
            this.regularHorizon = false;
            this.twoOverEta = Double.NaN;
        } else {
            throw new IllegalArgumentException("the djl backend has no horizon condition '" + net.horizon().name() + "'");
        }
        this.epsilon = net.output().epsilon();
        this.delta = net.output().delta();
        String loss = config.training.loss.type;
        if (!L1SquaredLoss.NAME.equals(loss) && !MseLoss.NAME.equals(loss)) {
            throw new IllegalArgumentException("the djl backend has no loss '" + loss + "'");
        }
        this.l1Squared = L1SquaredLoss.NAME.equals(loss);
        this.boundaryCoefficient = config.training.boundaryRegularisation;
        this.dimension = config.model.dimension;
        double[][] m;
        if (net.metric() instanceof PerLayerMetric) {
            m = ((PerLayerMetric) net.metric()).nodeMatrix();
        } else if (net.metric() instanceof HorizonMetric) {
            m = ((HorizonMetric) net.metric()).nodeMatrix();
        } else {
            throw new IllegalArgumentException("the djl backend has no metric parametrisation '" + config.model.metric.type + "' (it composes per-layer and horizon; train it with the cpu backend)");
        }
        this.nodes = m.length;
        this.base = NDManager.newBaseManager(device, ENGINE);
        this.horizonOffset = layout.offsetOf(ParameterLayout.HORIZON);
        this.inverseEta0 = 1.0 / grid.eta(0);
        this.inverseNodeEtas = net.metric() instanceof HorizonMetric
                ? base.create(((HorizonMetric) net.metric()).inverseNodeEtas(), new Shape(1, nodes)) : null;
        double[] mt = new double[layers * nodes];
        for (int n = 0; n < nodes; n++) {
            for (int i = 0; i < layers; i++) {
                mt[i * nodes + n] = m[n][i];
            }
        }
        this.nodeMatrixT = base.create(mt, new Shape(layers, nodes));
        SmoothnessRegulariser smooth = new SmoothnessRegulariser(config.training.smoothnessRegularisation, grid,
                "uniform".equals(config.training.smoothnessProfile));
        double[] w = new double[Math.max(1, layers - 1)];
        for (int i = 1; i < layers; i++) {
            w[i - 1] = smooth.weight(i);
        }
        this.smoothWeights = base.create(w, new Shape(1, w.length));
    }

    /**
     * Opens a backend for the model of {@code config} ({@code network} is {@code Experiment.network(config.model)})
     * on {@code device} ({@link #resolveDevice}). Prefer {@link DjlBackendProvider#open}, which makes sure DJL
     * stays offline.
     */
    public static DjlBackend open(ExperimentConfig config, HolographicNetwork network, String device) {
        return new DjlBackend(engine(), resolveDevice(device), config, network);
    }

    /** The PyTorch engine, loaded from the native jar on the class path (never downloaded). */
    public static Engine engine() {
        if (!"true".equals(System.getProperty("ai.djl.offline"))) {
            throw new IllegalStateException("ai.djl.offline must be true before DJL is used");
        }
        Engine e;
        try {
            e = Engine.getEngine(ENGINE);
        } catch (RuntimeException | LinkageError ex) {
            throw new IllegalStateException("DJL could not load its PyTorch engine offline: " + ex.getMessage()
                    + " (the pytorch-native-cpu and pytorch-jni jars must be on the class path, or PYTORCH_LIBRARY_PATH"
                    + " must point at a libtorch " + MachineInfo.pinnedPytorch() + ")", ex);
        }
        return e;
    }

    /**
     * The device named {@code spec}: {@code cpu}, {@code gpu} (= gpu:0), {@code gpu:N}, or null/"auto" for a
     * GPU when DJL sees one, else the CPU. Asking for a GPU that is not there is an error, never a fallback.
     */
    public static Device resolveDevice(String spec) {
        Engine e = engine();
        int gpus = e.getGpuCount();
        if (spec == null || spec.isBlank() || "auto".equals(spec)) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        String s = spec.strip().toLowerCase(java.util.Locale.ROOT);
        if ("cpu".equals(s)) {
            return Device.cpu();
        }
        int index;
        if ("gpu".equals(s)) {
            index = 0;
        } else if (s.startsWith("gpu:")) {
            try {
                index = Integer.parseInt(s.substring(4));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("device " + spec + ": expected cpu, gpu or gpu:N with N a GPU number");
            }
            if (index < 0) {
                throw new IllegalArgumentException("device " + spec + ": the GPU number must not be negative");
            }
        } else {
            throw new IllegalArgumentException("device " + spec + ": expected cpu, gpu or gpu:N");
        }
        if (gpus == 0) {
            throw new IllegalArgumentException("device " + spec + ": no GPU is visible to DJL (PyTorch "
                    + e.getVersion() + " sees 0 CUDA devices; this build uses the CPU-only libtorch unless"
                    + " PYTORCH_LIBRARY_PATH points at a CUDA one, see docs/backends-and-gpus.md); use device cpu");
        }
        if (index >= gpus) {
            throw new IllegalArgumentException("device " + spec + ": DJL sees " + gpus + " GPU"
                    + (gpus == 1 ? "" : "s") + " (gpu:0" + (gpus > 1 ? " … gpu:" + (gpus - 1) : "") + ")");
        }
        return Device.gpu(index);
    }

    /** The device name as recorded: cpu or gpu:N. */
    public static String deviceName(Device d) {
        return d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu";
    }

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public String device() {
        return deviceName(device);
    }

    @Override
    public String dtype() {
        return "float64";
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", engine.getVersion());
        return v;
    }

    /** One line for stderr at start: device, dtype and versions. */
    @Override
    public String describe() {
        return "djl backend: device " + device() + ", dtype float64, DJL " + Engine.getDjlVersion() + ", PyTorch "
                + engine.getVersion() + " (" + engine.getGpuCount() + " GPU" + (engine.getGpuCount() == 1 ? "" : "s")
                + " visible)";
    }

    @Override
    public void lossAndGradient(int count, double[][] params, Batch[] batches, boolean[] withRegularisers,
                                double[][] grads, Objective.Value[] parts) {
        if (count < 1) {
            return;
        }
        int b = batches[0].size();
        for (int s = 1; s < count; s++) {
            if (batches[s].size() != b) {
                throw new IllegalArgumentException("the djl backend needs equal batch sizes for all members, got "
                        + b + " and " + batches[s].size());
            }
        }
        double[] p = new double[count * paramCount];
        double[] x0 = new double[count * b];
        double[] x1 = new double[count * b];
        double[] y = new double[count * b];
        for (int s = 0; s < count; s++) {
            System.arraycopy(params[s], 0, p, s * paramCount, paramCount);
            System.arraycopy(batches[s].x0, 0, x0, s * b, b);
            System.arraycopy(batches[s].x1, 0, x1, s * b, b);
            System.arraycopy(batches[s].y, 0, y, s * b, b);
        }
        double[] regularised = null; // per member 1 or 0; null when every member has its regularisers
        for (int s = 0; s < count; s++) {
            if (!withRegularisers[s]) {
                regularised = new double[count];
                for (int k = 0; k < count; k++) {
                    regularised[k] = withRegularisers[k] ? 1.0 : 0.0;
                }
                break;
            }
        }
        Pass pass = pass(count, b, p, x0, x1, y, null, regularised);
        if (pass.overflowed != null) {
            // Some sample's state overflowed to F = ±inf in a member whose loss is finite: t(±inf) = 1 exactly and
            // the adjoint engine skips the sample (its dt/dF is exactly 0), but autograd multiplies that 0 by the
            // infinite partials of the layers and gets NaN. Evaluate again with those samples' inputs set to 0 and
            // their t fixed at 1, which is what the adjoint computes.
            double[] mask = new double[count * b];
            for (int k = 0; k < mask.length; k++) {
                if (Double.isInfinite(pass.overflowed[k])) {
                    mask[k] = 1.0;
                    x0[k] = 0.0;
                    x1[k] = 0.0;
                }
            }
            pass = pass(count, b, p, x0, x1, y, mask, regularised);
        }
        double[] g = pass.gradient;
        double[] values = pass.values;
        for (int s = 0; s < count; s++) {
            System.arraycopy(g, s * paramCount, grads[s], 0, paramCount);
            if (parts[s] != null) {
                parts[s].total = values[s];
                parts[s].data = values[count + s];
                parts[s].regularisation = values[2 * count + s];
            }
        }
    }

    /** One evaluation: the (E × P) gradient, (total, data, regularisation) per member, F when it overflowed. */
    private static final class Pass {
        double[] gradient;
        double[] values;
        double[] overflowed;
    }

    private Pass pass(int count, int b, double[] p, double[] x0, double[] x1, double[] y, double[] mask,
                      double[] regularised) {
        Pass r = new Pass();
        synchronized (AUTOGRAD) {
            try (NDManager sub = base.newSubManager(); GradientCollector gc = engine.newGradientCollector()) {
                NDArray theta = sub.create(p, new Shape(count, paramCount));
                theta.setRequiresGradient(true);
                Shape shape = new Shape(count, b);
                NDArray[] out = objective(theta, sub.create(x0, shape), sub.create(x1, shape), sub.create(y, shape),
                        mask == null ? null : sub.create(mask, shape),
                        regularised == null ? null : sub.create(regularised, new Shape(count)), b);
                NDArray total = out[0];
                gc.backward(total.sum());
                try (NDArray grad = theta.getGradient()) {
                    r.gradient = grad.toDoubleArray();
                }
                r.values = NDArrays.stack(new NDList(total, out[1], out[2])).toDoubleArray();
                if (mask == null && finiteLossNonFiniteGradient(count, r)) {
                    r.overflowed = out[3].toDoubleArray();
                    boolean any = false;
                    for (double f : r.overflowed) {
                        any |= Double.isInfinite(f);
                    }
                    if (!any) {
                        r.overflowed = null;
                    }
                }
            }
        }
        return r;
    }

    private boolean finiteLossNonFiniteGradient(int count, Pass r) {
        for (int s = 0; s < count; s++) {
            if (Double.isFinite(r.values[s])) {
                for (int i = 0; i < paramCount; i++) {
                    if (!Double.isFinite(r.gradient[s * paramCount + i])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Builds the tensor program; returns (total, data, regularisation), each of shape (E), and F (E × B). Where
     * {@code fixed} (E × B, or null) is 1, t is set to 1 and receives no gradient; where {@code regularised}
     * (E, or null for all 1) is 0, the member's regularisers are held off (its warm-up).
     */
    private NDArray[] objective(NDArray theta, NDArray in0, NDArray in1, NDArray labels, NDArray fixed,
                                NDArray regularised, int batch) {
        NDArray h = theta.get(":, {}:{}", metricOffset, metricOffset + layers);          // (E × N)
        NDArray hNodes = h.matMul(nodeMatrixT);                                          // (E × nodes)
        NDArray h0 = h.get(":, 0");                                                      // h at η_0, (E)
        if (horizonOffset >= 0) {
            // h = c/η + r: the remainder's interpolation, then c · (1/η) added, as HorizonMetric does
            NDArray coefficient = theta.get(":, {}:{}", horizonOffset, horizonOffset + 1);  // (E × 1)
            hNodes = hNodes.add(coefficient.mul(inverseNodeEtas));
            h0 = h0.add(coefficient.get(":, 0").mul(c(inverseEta0)));
        }
        NDList hn = hNodes.split(nodes, 1);                                              // nodes × (E × 1)
        NDList negHn = rk4 ? hNodes.neg().split(nodes, 1) : null;
        NDArray lambda = theta.get(":, {}:{}", lambdaOffset, lambdaOffset + 1);          // (E × 1)

        NDArray phi;
        NDArray pi;
        if (qcd) {
            NDArray radius = theta.get(":, {}:{}", radiusOffset, radiusOffset + 1);      // (E × 1)
            NDArray a = radius.mul(c(alphaPerLm)).mul(in0);                              // α = (αL⁻¹m⁻¹·L)·m_q
            NDArray bb = radius.mul(c(betaPerL3s)).mul(radius).mul(radius).mul(in1);     // β = (((β₀L)L)L)σ
            NDArray a3 = a.mul(a).mul(a);
            NDArray l05a3 = lambda.mul(c(0.5)).mul(a3);
            phi = a.mul(c(e1)).add(bb.mul(c(e3))).sub(l05a3.mul(c(etaIni)).mul(c(e3)));
            pi = a.neg().mul(c(e1)).sub(bb.mul(c(3.0)).mul(c(e3)))
                    .add(lambda.mul(c(1.5)).mul(a3).mul(c(etaIni)).mul(c(e3)))
                    .sub(l05a3.mul(c(e3)));
        } else {
            phi = in0;
            pi = in1;
        }

        if (rk4) {
            double half = 0.5 * step;
            double sixth = step / 6.0;
            for (int i = 0; i < layers; i++) {
                NDArray nha = negHn.get(2 * i);
                NDArray nhm = negHn.get(2 * i + 1);
                NDArray nhb = negHn.get(2 * i + 2);
                NDArray k1p = pi;
                NDArray k1q = rate(nha, phi, pi, lambda);
                NDArray p2 = phi.add(k1p.mul(c(half)));
                NDArray q2 = pi.add(k1q.mul(c(half)));
                NDArray k2p = q2;
                NDArray k2q = rate(nhm, p2, q2, lambda);
                NDArray p3 = phi.add(k2p.mul(c(half)));
                NDArray q3 = pi.add(k2q.mul(c(half)));
                NDArray k3p = q3;
                NDArray k3q = rate(nhm, p3, q3, lambda);
                NDArray p4 = phi.add(k3p.mul(c(step)));
                NDArray q4 = pi.add(k3q.mul(c(step)));
                NDArray k4p = q4;
                NDArray k4q = rate(nhb, p4, q4, lambda);
                NDArray nPhi = phi.add(k1p.add(k2p.mul(c(2.0))).add(k3p.mul(c(2.0))).add(k4p).mul(c(sixth)));
                NDArray nPi = pi.add(k1q.add(k2q.mul(c(2.0))).add(k3q.mul(c(2.0))).add(k4q).mul(c(sixth)));
                phi = nPhi;
                pi = nPi;
            }
        } else {
            for (int i = 0; i < layers; i++) {
                // φ' = φ + Δη π;  π' = π − Δη (h π − m² φ − λ φ³)
                NDArray nPhi = phi.add(pi.mul(c(step)));
                NDArray inner = hn.get(i).mul(pi).sub(phi.mul(c(m2))).sub(lambda.mul(phi).mul(phi).mul(phi));
                NDArray nPi = pi.sub(inner.mul(c(step)));
                phi = nPhi;
                pi = nPi;
            }
        }

        NDArray f = regularHorizon
                ? pi.mul(c(twoOverEta)).sub(phi.mul(c(m2))).sub(lambda.mul(phi).mul(phi).mul(phi))
                : pi;

        // t(F) = ½ [tanh((F − ε)/δ) − tanh((F + ε)/δ) + 2], tanh x = sign(x)(1 − e^{−2|x|})/(1 + e^{−2|x|})
        NDArray t = tanh(f.sub(c(epsilon)).div(c(delta))).sub(tanh(f.add(c(epsilon)).div(c(delta))))
                .add(c(2.0)).mul(c(0.5));
        if (fixed != null) {
            t = t.mul(fixed.neg().add(c(1.0))).add(fixed);
        }

        NDArray r = t.sub(labels);
        NDArray data;
        if (l1Squared) {
            NDArray mean = r.abs().sum(new int[] {1}).div(c(batch));
            data = mean.mul(mean);
        } else {
            data = r.mul(r).sum(new int[] {1}).div(c(batch));
        }
        // c_bdy (d − h_0)², then Σ_{i≥1} c_i (h_i − h_{i−1})²
        NDArray d0 = h0.sub(c(dimension)).neg();
        NDArray reg = d0.mul(c(boundaryCoefficient)).mul(d0);
        if (layers > 1) {
            NDArray diff = h.get(":, 1:").sub(h.get(":, :{}", layers - 1));
            reg = reg.add(diff.mul(smoothWeights).mul(diff).sum(new int[] {1}));
        }
        if (regularised != null) {
            reg = reg.mul(regularised);
        }
        return new NDArray[] {data.add(reg), data, reg, f};
    }

    /** The π-rate −h π + m² φ + λ φ³ of the equation of motion, with {@code negH} = −h: (((−h)π) + m²φ) + ((λφ)φ)φ. */
    private NDArray rate(NDArray negH, NDArray phi, NDArray pi, NDArray lambda) {
        return negH.mul(pi).add(phi.mul(c(m2))).add(lambda.mul(phi).mul(phi).mul(phi));
    }

    /** tanh as holo-core's BumpOutput computes it, so that autograd differentiates a cancellation-free form. */
    private NDArray tanh(NDArray x) {
        NDArray e = x.abs().mul(c(-2.0)).exp();
        return e.neg().add(c(1.0)).div(e.add(c(1.0))).mul(x.sign());
    }

    /** A float64 scalar constant on the device, created once. */
    private NDArray c(double v) {
        return constants.computeIfAbsent(v, k -> {
            NDArray a = base.create(k.doubleValue());
            if (a.getDataType() != DataType.FLOAT64) {
                throw new IllegalStateException("DJL created a " + a.getDataType() + " constant, expected float64");
            }
            return a;
        });
    }

    @Override
    public void close() {
        base.close();
    }
}
