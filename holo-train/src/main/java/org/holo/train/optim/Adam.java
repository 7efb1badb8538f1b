package org.holo.train.optim;

/**
 * Adam (Kingma &amp; Ba) in double precision, with PyTorch's placement of ε:
 * p ← p − lr/(1−β₁ᵗ) · m / (√v / √(1−β₂ᵗ) + ε).
 */
public final class Adam implements Optimizer {

    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean[] trainable;
    private final double[] m;
    private final double[] v;
    private double beta1Power = 1.0;
    private double beta2Power = 1.0;
    private long steps;

    public Adam(int size, boolean[] trainable, double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0.0 && beta1 < 1.0) || !(beta2 >= 0.0 && beta2 < 1.0)) {
            throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0.0)) {
            throw new IllegalArgumentException("Adam epsilon must be positive, got " + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.trainable = trainable.clone();
        this.m = new double[size];
        this.v = new double[size];
    }

    @Override
    public void step(double[] params, double[] grad) {
        steps++;
        beta1Power *= beta1;
        beta2Power *= beta2;
        double stepSize = learningRate / (1.0 - beta1Power);
        double sqrtBias2 = StrictMath.sqrt(1.0 - beta2Power);
        for (int i = 0; i < params.length; i++) {
            if (!trainable[i]) {
                continue;
            }
            double g = grad[i];
            m[i] = beta1 * m[i] + (1.0 - beta1) * g;
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g;
            params[i] -= stepSize * m[i] / (StrictMath.sqrt(v[i]) / sqrtBias2 + epsilon);
        }
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    public long steps() {
        return steps;
    }

    @Override
    public double[] state() {
        double[] s = new double[2 * m.length + 3];
        System.arraycopy(m, 0, s, 0, m.length);
        System.arraycopy(v, 0, s, m.length, v.length);
        s[2 * m.length] = beta1Power;
        s[2 * m.length + 1] = beta2Power;
        s[2 * m.length + 2] = steps;
        return s;
    }

    @Override
    public void restore(double[] s) {
        if (s.length != 2 * m.length + 3) {
            throw new IllegalArgumentException("Adam state has " + s.length + " entries, expected " + (2 * m.length + 3));
        }
        System.arraycopy(s, 0, m, 0, m.length);
        System.arraycopy(s, m.length, v, 0, v.length);
        beta1Power = s[2 * m.length];
        beta2Power = s[2 * m.length + 1];
        steps = (long) s[2 * m.length + 2];
    }
}
