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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.Regulariser;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.Experiment;
import org.holo.train.MachineInfo;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.loop.Backend;

/**
 * The objective of E ensemble members as one DJL tensor program in float64 on PyTorch, with an ensemble axis:
 * parameters are an (E × P) array that requires a gradient, inputs and labels (E × B). The program is composed
 * from the components' tensor forms ({@link TensorObjective}, holo-core's {@code org.holo.core.tensor}) over DJL
 * NDArrays ({@link NdArrayTensors}); the per-member losses are summed and PyTorch's autograd returns the (E × P)
 * gradient. Members never mix: every operation is elementwise or row-wise, so each row of the gradient is that
 * member's. A component without a tensor form is refused when the backend opens.
 *
 * <p>The tensor forms follow holo-core's formulas in the same order (same products, same association), so the
 * forward values agree with the plain-Java engine to a few ulps, and the gradients to what autograd's own order of
 * accumulation gives (~1e−14 relative, measured by the agreement tests).
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
    private final NdArrayTensors ops;
    private final TensorObjective objective;
    private final int paramCount;

    private DjlBackend(Engine engine, Device device, TensorObjective objective, int paramCount) {
        this.engine = engine;
        this.device = device;
        this.objective = objective;
        this.paramCount = paramCount;
        this.base = NDManager.newBaseManager(device, ENGINE);
        this.ops = new NdArrayTensors(base);
    }

    /**
     * Opens a backend for the model of {@code config}: {@code network} and {@code objective} as {@link Experiment}
     * builds them, the regularisers those of {@link Experiment#regularisers}; on {@code device}
     * ({@link #resolveDevice}). Prefer {@link DjlBackendProvider#open}, which makes sure DJL stays offline.
     *
     * @throws IllegalArgumentException when a component has no tensor form
     */
    public static DjlBackend open(ExperimentConfig config, HolographicNetwork network, Objective objective, String device) {
        return open(network, objective.dataLoss(), Experiment.regularisers(config, network), config.model.metric.type, device);
    }

    /**
     * Opens a backend for {@code network} with a data loss and regularisers of the caller's choosing.
     *
     * @param metricName the metric parametrisation's config name, for messages
     * @throws IllegalArgumentException when a component has no tensor form
     */
    public static DjlBackend open(HolographicNetwork network, DataLoss loss, List<Regulariser> regularisers,
                                  String metricName, String device) {
        TensorObjective composed = TensorObjective.compose(DjlBackendProvider.NAME, network, loss, regularisers, metricName);
        return new DjlBackend(engine(), resolveDevice(device), composed, network.layout().size());
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
                ops.step(sub);
                NDArray theta = sub.create(p, new Shape(count, paramCount));
                theta.setRequiresGradient(true);
                Shape shape = new Shape(count, b);
                TensorObjective.Parts<NDArray> out = objective.evaluate(ops, theta, sub.create(x0, shape),
                        sub.create(x1, shape), sub.create(y, shape), mask == null ? null : sub.create(mask, shape),
                        regularised == null ? null : sub.create(regularised, new Shape(count, 1)),
                        sub.zeros(new Shape(count, 1), DataType.FLOAT64), b);
                gc.backward(out.total().sum());
                try (NDArray grad = theta.getGradient()) {
                    r.gradient = grad.toDoubleArray();
                }
                r.values = NDArrays.concat(new NDList(out.total(), out.data(), out.regularisation())).toDoubleArray();
                if (mask == null && finiteLossNonFiniteGradient(count, r)) {
                    r.overflowed = out.horizonValue().toDoubleArray();
                    boolean any = false;
                    for (double f : r.overflowed) {
                        any |= Double.isInfinite(f);
                    }
                    if (!any) {
                        r.overflowed = null;
                    }
                }
            } finally {
                ops.step(null);
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

    @Override
    public void close() {
        base.close();
    }
}
