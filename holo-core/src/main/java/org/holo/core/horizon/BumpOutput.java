package org.holo.core.horizon;

import org.holo.core.Signs;
import org.holo.core.tensor.Tensors;

/**
 * The network's output t(F) = ½ [tanh((F − ε)/δ) − tanh((F + ε)/δ) + 2]: ≈ 0 where |F| &lt; ε (the boundary
 * data satisfy the horizon condition), ≈ 1 elsewhere. tanh and sech² are both taken from one e^{−2|x|}, so
 * the derivative keeps full relative precision in the tails.
 */
public final class BumpOutput {

    private final double epsilon;
    private final double delta;

    public BumpOutput(double epsilon, double delta) {
        if (!(epsilon > 0.0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("bump width epsilon must be positive and finite, got " + epsilon);
        }
        if (!(delta > 0.0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("bump smoothing delta must be positive and finite, got " + delta);
        }
        this.epsilon = epsilon;
        this.delta = delta;
    }

    public double epsilon() {
        return epsilon;
    }

    public double delta() {
        return delta;
    }

    public double value(double f) {
        return 0.5 * (tanh((f - epsilon) / delta) - tanh((f + epsilon) / delta) + 2.0);
    }

    /** Writes t(F) into out[0] and dt/dF into out[1]. */
    public void evaluate(double f, double[] out) {
        double xa = (f - epsilon) / delta;
        double xb = (f + epsilon) / delta;
        double ea = StrictMath.exp(-2.0 * Math.abs(xa));
        double eb = StrictMath.exp(-2.0 * Math.abs(xb));
        double ta = Math.copySign((1.0 - ea) / (1.0 + ea), xa);
        double tb = Math.copySign((1.0 - eb) / (1.0 + eb), xb);
        double sa = 4.0 * ea / ((1.0 + ea) * (1.0 + ea));
        double sb = 4.0 * eb / ((1.0 + eb) * (1.0 + eb));
        out[0] = 0.5 * (ta - tb + 2.0);
        out[1] = 0.5 * (sa - sb) / delta;
    }

    /** {@link #evaluate(double[], int, double[], double[], double[], double[])} with scratch of its own. */
    public void evaluate(double[] f, int n, double[] t, double[] dtdF) {
        evaluate(f, n, t, dtdF, new double[n], new double[n]);
    }

    /**
     * t(F) and dt/dF of samples 0 … n−1 into t[b], dtdF[b]: {@link #evaluate(double, double[])} over a batch, the same
     * arithmetic per sample, in loops the JIT vectorises. The two e^{−2|x|} go through t and dtdF first;
     * {@code scratchA}, {@code scratchB} are columns of at least n that the exponential uses.
     */
    public void evaluate(double[] f, int n, double[] t, double[] dtdF, double[] scratchA, double[] scratchB) {
        double epsilon = this.epsilon; // fields read inside the loops keep C2 from vectorising them
        double delta = this.delta;
        for (int b = 0; b < n; b++) {
            t[b] = -2.0 * Math.abs((f[b] - epsilon) / delta);
            dtdF[b] = -2.0 * Math.abs((f[b] + epsilon) / delta);
        }
        StrictExp.inPlace(t, n, scratchA, scratchB);
        StrictExp.inPlace(dtdF, n, scratchA, scratchB);
        for (int b = 0; b < n; b++) {
            double xa = (f[b] - epsilon) / delta;
            double xb = (f[b] + epsilon) / delta;
            double ea = t[b];
            double eb = dtdF[b];
            double ta = Signs.signum(xa) * ((1.0 - ea) / (1.0 + ea)); // copySign(r, xa): r = 0 at xa = ±0
            double tb = Signs.signum(xb) * ((1.0 - eb) / (1.0 + eb));
            double sa = 4.0 * ea / ((1.0 + ea) * (1.0 + ea));
            double sb = 4.0 * eb / ((1.0 + eb) * (1.0 + eb));
            t[b] = 0.5 * (ta - tb + 2.0);
            dtdF[b] = 0.5 * (sa - sb) / delta;
        }
    }

    /**
     * The tensor form of {@link #value}: t(F) for every sample, with tanh from one e^{−2|x|}
     * ({@link Tensors#tanh}) so that autograd's dt/dF keeps full precision in the tails, as {@link #evaluate} does.
     */
    public <T> T value(Tensors<T> ops, T f) {
        T lower = ops.tanh(ops.div(ops.sub(f, epsilon), delta));
        T upper = ops.tanh(ops.div(ops.add(f, epsilon), delta));
        return ops.mul(ops.add(ops.sub(lower, upper), 2.0), 0.5);
    }

    static double tanh(double x) {
        double e = StrictMath.exp(-2.0 * Math.abs(x));
        return Math.copySign((1.0 - e) / (1.0 + e), x);
    }
}
