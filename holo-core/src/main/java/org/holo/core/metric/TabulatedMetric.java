package org.holo.core.metric;

import java.util.Arrays;

/**
 * A metric given as a table of (η, h) rows: the natural cubic spline through the rows (exact at every row,
 * twice continuously differentiable, h'' = 0 at both ends and a straight line beyond them). A layer map then reads
 * it at its own nodes as it reads an exact metric, so a table of h at the layer positions gives those values
 * exactly at the layers and the spline between them (at an RK4 scheme's half steps).
 */
public final class TabulatedMetric implements Metric {

    private final double[] eta;
    private final double[] h;
    // second derivatives of the spline at the rows
    private final double[] m;

    /**
     * @param eta strictly monotone (either direction) and finite, at least two rows
     * @param h   finite, one per row
     * @throws IllegalArgumentException naming the first row that breaks this (0-based)
     */
    public TabulatedMetric(double[] eta, double[] h) {
        int n = eta.length;
        if (n != h.length) {
            throw new IllegalArgumentException(n + " eta values for " + h.length + " h values");
        }
        if (n < 2) {
            throw new IllegalArgumentException("a metric table needs at least 2 rows, got " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(eta[i]) || !Double.isFinite(h[i])) {
                throw new IllegalArgumentException("row " + i + ": eta and h must be finite, got " + eta[i] + ", " + h[i]);
            }
        }
        int violation = firstNonMonotone(eta);
        if (violation >= 0) {
            throw new IllegalArgumentException("row " + violation + ": eta is not strictly monotone (" + eta[violation - 1]
                    + " then " + eta[violation] + ")");
        }
        boolean descending = eta[1] < eta[0];
        this.eta = new double[n];
        this.h = new double[n];
        for (int i = 0; i < n; i++) {
            int src = descending ? n - 1 - i : i;
            this.eta[i] = eta[src];
            this.h[i] = h[src];
        }
        this.m = secondDerivatives(this.eta, this.h);
    }

    /** The index of the first row that breaks strict monotonicity in the direction of the first two, or −1. */
    public static int firstNonMonotone(double[] eta) {
        if (eta.length < 2) {
            return -1;
        }
        double sign = Math.signum(eta[1] - eta[0]);
        if (sign == 0) {
            return 1;
        }
        for (int i = 1; i < eta.length; i++) {
            if (Math.signum(eta[i] - eta[i - 1]) != sign) {
                return i;
            }
        }
        return -1;
    }

    /** Natural spline: M_0 = M_{n−1} = 0, the interior from the tridiagonal system (Thomas algorithm). */
    private static double[] secondDerivatives(double[] x, double[] y) {
        int n = x.length;
        double[] m = new double[n];
        if (n < 3) {
            return m;
        }
        double[] diag = new double[n];
        double[] rhs = new double[n];
        double[] upper = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double a = x[i] - x[i - 1];
            double b = x[i + 1] - x[i];
            diag[i] = 2.0 * (a + b);
            upper[i] = b;
            rhs[i] = 6.0 * ((y[i + 1] - y[i]) / b - (y[i] - y[i - 1]) / a);
            if (i > 1) {
                double w = a / diag[i - 1];
                diag[i] -= w * upper[i - 1];
                rhs[i] -= w * rhs[i - 1];
            }
        }
        for (int i = n - 2; i >= 1; i--) {
            m[i] = (rhs[i] - (i < n - 2 ? upper[i] * m[i + 1] : 0.0)) / diag[i];
        }
        return m;
    }

    /** The smallest and largest η of the table. */
    public double etaMin() {
        return eta[0];
    }

    public double etaMax() {
        return eta[eta.length - 1];
    }

    /**
     * Whether the table spans every η in {@code etas} (up to 10⁻⁹ of its range, so that a table written from the
     * grid's own positions in decimal spans them).
     */
    public boolean spans(double[] etas) {
        double slack = 1e-9 * (etaMax() - etaMin());
        for (double e : etas) {
            if (e < etaMin() - slack || e > etaMax() + slack) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double h(double x) {
        int n = eta.length;
        if (x <= eta[0]) {
            return h[0] + slope(0) * (x - eta[0]);
        }
        if (x >= eta[n - 1]) {
            return h[n - 1] + slope(n - 1) * (x - eta[n - 1]);
        }
        int k = Arrays.binarySearch(eta, x);
        if (k >= 0) {
            return h[k];
        }
        int i = -k - 2; // eta[i] < x < eta[i + 1]
        double d = eta[i + 1] - eta[i];
        double a = (eta[i + 1] - x) / d;
        double b = (x - eta[i]) / d;
        return a * h[i] + b * h[i + 1] + ((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * d * d / 6.0;
    }

    /** h' at an end row (where M = 0). */
    private double slope(int end) {
        if (end == 0) {
            double d = eta[1] - eta[0];
            return (h[1] - h[0]) / d - d * (2 * m[0] + m[1]) / 6.0;
        }
        int i = end - 1;
        double d = eta[end] - eta[i];
        return (h[end] - h[i]) / d + d * (m[i] + 2 * m[end]) / 6.0;
    }
}
