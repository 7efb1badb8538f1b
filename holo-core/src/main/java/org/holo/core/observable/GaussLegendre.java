package org.holo.core.observable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * An n-point Gauss–Legendre rule (Commons Math's nodes, computed once per n) applied panel by panel. The callers remove
 * endpoint singularities by substitution first, so that every panel sees a smooth integrand and the error falls
 * exponentially in n.
 */
final class GaussLegendre {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();
    private static final Map<Integer, double[][]> CACHE = new ConcurrentHashMap<>();

    private final double[] x; // nodes on [0, 1]
    private final double[] w; // weights on [0, 1]

    GaussLegendre(int points) {
        if (points < 1 || points > 200) {
            throw new IllegalArgumentException("quadrature points per panel must be in 1..200, got " + points);
        }
        double[][] rule = CACHE.computeIfAbsent(points, GaussLegendre::rule);
        this.x = rule[0];
        this.w = rule[1];
    }

    private static double[][] rule(int points) {
        GaussIntegrator rule = FACTORY.legendre(points, 0.0, 1.0);
        double[][] xw = new double[2][points];
        for (int i = 0; i < points; i++) {
            xw[0][i] = rule.getPoint(i);
            xw[1][i] = rule.getWeight(i);
        }
        return xw;
    }

    int points() {
        return x.length;
    }

    /** ∫_a^b f. */
    double integrate(DoubleUnaryOperator f, double a, double b) {
        double len = b - a;
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += w[i] * f.applyAsDouble(a + len * x[i]);
        }
        return sum * len;
    }

    /** Adds ∫ over [a, b] of two integrands sharing their evaluation into acc[0], acc[1]. */
    void integratePair(PairIntegrand f, double a, double b, double[] acc, double[] scratch) {
        double len = b - a;
        double s0 = 0.0;
        double s1 = 0.0;
        for (int i = 0; i < x.length; i++) {
            f.evaluate(a + len * x[i], scratch);
            s0 += w[i] * scratch[0];
            s1 += w[i] * scratch[1];
        }
        acc[0] += s0 * len;
        acc[1] += s1 * len;
    }

    /** Two integrands evaluated together at one point. */
    @FunctionalInterface
    interface PairIntegrand {
        void evaluate(double s, double[] out);
    }
}
