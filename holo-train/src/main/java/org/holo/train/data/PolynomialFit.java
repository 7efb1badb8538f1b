package org.holo.train.data;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/** Least-squares polynomial y ≈ Σ_k c_k x^k, solved by QR (exact linear algebra, no iteration). */
public final class PolynomialFit {

    private final double[] coefficients;

    private PolynomialFit(double[] coefficients) {
        this.coefficients = coefficients;
    }

    public static PolynomialFit fit(double[] x, double[] y, int degree, String what) {
        if (degree < 0) {
            throw new IllegalArgumentException(what + ": the polynomial degree must be >= 0, got " + degree);
        }
        if (x.length < degree + 1) {
            throw new IllegalArgumentException(what + ": a degree-" + degree + " fit needs at least " + (degree + 1)
                    + " points, the data have " + x.length);
        }
        double[][] a = new double[x.length][degree + 1];
        for (int i = 0; i < x.length; i++) {
            double p = 1.0;
            for (int k = 0; k <= degree; k++) {
                a[i][k] = p;
                p *= x[i];
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-14);
        if (!qr.getSolver().isNonSingular()) {
            throw new IllegalArgumentException(what + ": the points do not determine a degree-" + degree
                    + " polynomial (too few distinct x values)");
        }
        RealVector c = qr.getSolver().solve(new ArrayRealVector(y, false));
        double[] coefficients = c.toArray();
        for (double v : coefficients) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + ": the degree-" + degree
                        + " fit is not finite (values too large or too close together for this degree)");
            }
        }
        return new PolynomialFit(coefficients);
    }

    public double value(double x) {
        double v = 0.0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            v = v * x + coefficients[k];
        }
        return v;
    }

    public double[] coefficients() {
        return coefficients.clone();
    }
}
