package org.holo.train.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.tensor.Tensors;

/**
 * holo-core's tensor algebra over DJL NDArrays in float64 on one device. Constants (scalars, rows, the matrices of
 * linear maps) are created once in the backend's base manager and kept; every result of an operation belongs to the
 * current step's manager ({@link #step}), so that nothing accumulates between steps even when a tensor form puts a
 * constant on the left.
 */
final class NdArrayTensors implements Tensors<NDArray> {

    private final NDManager base;
    private final Map<Double, NDArray> scalars = new HashMap<>();
    private final Map<double[], NDArray> rows = new IdentityHashMap<>();
    private final Map<double[][], NDArray> matrices = new IdentityHashMap<>();
    private NDManager step;

    NdArrayTensors(NDManager base) {
        this.base = base;
    }

    /** The manager that owns the results of the operations from now on (one per evaluation). */
    void step(NDManager manager) {
        this.step = manager;
    }

    private NDArray own(NDArray a) {
        if (a.getManager() != step) {
            a.attach(step);
        }
        return a;
    }

    private static NDArray float64(NDArray a) {
        if (a.getDataType() != DataType.FLOAT64) {
            throw new IllegalStateException("DJL created a " + a.getDataType() + " constant, expected float64");
        }
        return a;
    }

    @Override
    public NDArray constant(double value) {
        return scalars.computeIfAbsent(value, v -> float64(base.create(v.doubleValue())));
    }

    @Override
    public NDArray row(double[] values) {
        return rows.computeIfAbsent(values, v -> float64(base.create(v.clone(), new Shape(1, v.length))));
    }

    @Override
    public NDArray add(NDArray a, NDArray b) {
        return own(a.add(b));
    }

    @Override
    public NDArray sub(NDArray a, NDArray b) {
        return own(a.sub(b));
    }

    @Override
    public NDArray mul(NDArray a, NDArray b) {
        return own(a.mul(b));
    }

    @Override
    public NDArray div(NDArray a, NDArray b) {
        return own(a.div(b));
    }

    @Override
    public NDArray neg(NDArray a) {
        return own(a.neg());
    }

    @Override
    public NDArray abs(NDArray a) {
        return own(a.abs());
    }

    @Override
    public NDArray sign(NDArray a) {
        return own(a.sign());
    }

    @Override
    public NDArray exp(NDArray a) {
        return own(a.exp());
    }

    @Override
    public NDArray log(NDArray a) {
        return own(a.log());
    }

    @Override
    public NDArray columns(NDArray a, int from, int to) {
        return own(a.get(":, {}:{}", from, to));
    }

    @Override
    public List<NDArray> splitColumns(NDArray a) {
        int k = Math.toIntExact(a.getShape().get(1));
        if (k == 1) {
            return List.of(a); // split would hand back a itself, which may be a kept constant
        }
        NDList parts = a.split(k, 1);
        List<NDArray> out = new ArrayList<>(k);
        for (NDArray p : parts) {
            out.add(own(p));
        }
        return out;
    }

    /** a · Mᵀ with Mᵀ (K × R) kept on the device. */
    @Override
    public NDArray linear(NDArray a, double[][] coefficients) {
        NDArray transposed = matrices.computeIfAbsent(coefficients, m -> {
            int r = m.length;
            int k = r == 0 ? 0 : m[0].length;
            double[] t = new double[k * r];
            for (int i = 0; i < r; i++) {
                if (m[i].length != k) {
                    throw new IllegalArgumentException("linear map: row " + i + " has " + m[i].length + " coefficients, row 0 has " + k);
                }
                for (int j = 0; j < k; j++) {
                    t[j * r + i] = m[i][j];
                }
            }
            return float64(base.create(t, new Shape(k, r)));
        });
        return own(a.matMul(transposed));
    }

    @Override
    public NDArray sumColumns(NDArray a) {
        return own(a.sum(new int[] {1}, true));
    }
}
