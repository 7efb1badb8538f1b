package org.holo.core.tensor;

import java.util.List;

/**
 * The arithmetic a component's tensor form is written in: float64 arrays of type {@code T} owned by a backend
 * (DJL's NDArray on a CPU or GPU, say), with an ensemble axis. A tensor form describes the forward pass of a
 * whole mini-batch of every member at once; the backend runs it and differentiates it (autograd), so a component
 * writes its forward pass once more and never a second adjoint.
 *
 * <p>Shapes: a value per sample is (E × B), E members by B samples; a value per member (L, λ, a loss) is (E × 1);
 * a parameter block is (E × size); a constant is a scalar or a (1 × n) row. Binary operations broadcast as NumPy
 * does. A tensor form must keep holo-core's order of operations (the same products, the same association) so that
 * its numbers agree with the plain-Java adjoint to a few ulps; no operation here contracts to a fused multiply-add.
 *
 * @param <T> the backend's array type
 */
public interface Tensors<T> {

    /** A scalar constant. */
    T constant(double value);

    /**
     * A constant row (1 × n). A backend may keep it on its device keyed by the array's identity: pass the same
     * array (a field built once) at every call, and never change it.
     */
    T row(double[] values);

    T add(T a, T b);

    T sub(T a, T b);

    T mul(T a, T b);

    T div(T a, T b);

    T neg(T a);

    T abs(T a);

    /** −1, 0 or +1 elementwise. */
    T sign(T a);

    T exp(T a);

    T log(T a);

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of an (E × K) array: (E × (to − from)). */
    T columns(T a, int from, int to);

    /** Every column of an (E × K) array, each (E × 1). */
    List<T> splitColumns(T a);

    /**
     * A fixed linear map of the columns: for a of shape (E × K) and {@code rows} of R rows of K coefficients,
     * out[:, r] = Σ_k rows[r][k] a[:, k], shape (E × R). As with {@link #row}, pass the same array every call.
     */
    T linear(T a, double[][] rows);

    /** The sum over the second axis: (E × K) to (E × 1). */
    T sumColumns(T a);

    // conveniences, written with the operations above

    /** Column {@code j}: (E × 1). */
    default T column(T a, int j) {
        return columns(a, j, j + 1);
    }

    default T add(T a, double c) {
        return add(a, constant(c));
    }

    default T sub(T a, double c) {
        return sub(a, constant(c));
    }

    default T mul(T a, double c) {
        return mul(a, constant(c));
    }

    default T div(T a, double c) {
        return div(a, constant(c));
    }

    /** a · a. */
    default T square(T a) {
        return mul(a, a);
    }

    /** (a · a) · a, associated as holo-core writes a³. */
    default T cube(T a) {
        return mul(mul(a, a), a);
    }

    /**
     * tanh x = sign(x) (1 − e^{−2|x|}) / (1 + e^{−2|x|}), from one exponential as holo-core computes it: its
     * derivative then keeps full relative precision in the tails, where 1 − tanh² would cancel.
     */
    default T tanh(T x) {
        T e = exp(mul(abs(x), -2.0));
        return mul(div(add(neg(e), 1.0), add(e, 1.0)), sign(x));
    }
}
